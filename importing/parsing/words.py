"""The word lists the parser reads copy with: speech verbs, titles, words that are not names.

Pure Python, no Django. Each list is a set of lowercase words unless it is a regex fragment.
"""


def word_set(text: str) -> frozenset[str]:
    return frozenset(text.split())


VERBS = (
    r"said|says|wrote|writes|told|tells|added|adds|tweeted|posted|stated|declared|insisted|"
    r"urged|urges|asked|asks|claimed|claiming|dismissed|criticized|criticised|warned|warns|"
    r"argued|argues|announced|replied|responded|explained|noted|called|calls|described|"
    r"describes|acknowledged|admitted|conceded|recalled|predicted|vowed|pledged|promised|"
    r"cautioned|complained|countered|joked|quipped|shouted|testified|wondered|"
    r"concluded|continued|agreed|suggested|labelled|labeled|branded|praised|hailed|blasted|"
    r"slammed|decried|condemned|insists|notes|explains|adding|saying|describing|calling|"
    r"telling|writing|warning|arguing|urging|dismissing|(?:had|has|have) written|put it|"
    r"spoke|according to|concludes|concluded|rejoined|alleged|alleges|instructed|remarked|"
    r"observed|recalls|states|claims|admits|concedes|jokes|quips|muses|mused|interjected|"
    r"interjects|interrupted|snapped|boasted|boasts|acknowledges|remembers|remembered|"
    r"confided|confirmed|confirms|stressed|stresses|emphasized|emphasised|exclaimed|replies|"
    r"responds|reflected|reflects|answered|answers"
)
UPPER = "A-ZÀ-ÖØ-ÞĀ-ſ"  # Latin letters with accents: "Tomás", "Villaseñor", "Łukasz"
LOWER = "a-zß-öø-ÿĀ-ſ"
PARTICLE = r"(?:van|von|de|da|del|der|du|la|le|bin|ibn)"
TITLE_WORDS = word_set(
    """acting assistant associate deputy chief senior executive interim vice president
    vice-president president-elect governor lieutenant mayor senator sen representative rep
    congressman congresswoman councilman councilwoman council member councillor alderman
    alderwoman supervisor commissioner judge justice magistrate attorney district circuit
    secretary minister prime chancellor ambassador speaker leader majority minority whip sheriff
    officer detective inspector constable sergeant sgt lt captain capt colonel col major general
    gen admiral commander director administrator superintendent principal chair chairman
    chairwoman chairperson ceo cfo coach manager professor prof dr doctor mr mrs ms mx miss sir
    dame lord lady rev reverend father bishop rabbi imam pope king queen prince princess u.s us
    uk state federal foreign home health finance defence defense education interior labour
    labor justice treasury environment spokesman spokeswoman spokesperson mp mep msp mla
    financial operating technology marketing communications press board member regent agent
    special trustee provost dean rector pastor supt asst atty"""
)
# First words of place names: "New York", "Port Arden" (as a surname, "Linda Park" is fine).
PLACE_FIRST_WORDS = word_set(
    "new los las san santa saint fort port lake mount north south east west upper lower"
)
POST_NOMINALS = word_set("mp mep msp mla phd md qc kc obe mbe cbe esq")
# Words that make a run of capitalised words an institution or a place, not a person.
INSTITUTION_WORDS = word_set(
    """board school university college association council committee party bank group union
    europe institute network center centre hospital high department agency commission company
    inc corp co ltd capital news times post street city county press service office fund
    foundation society club united fc watch parents federation ministry court academy hotel
    airways airlines accord agreement treaty act plan program programme summit conference
    convention protocol tower building stadium arena airport station
    palace"""
)
# Capitalised words that open sentences or name institutions, not people.
NOT_NAME_WORDS = (
    "a according after again also although an and as at because before but by despite during "
    "even for from he her here his how however i if in instead it its last later meanwhile "
    "almost already ask asked born consider earlier imagine just only perhaps several take yes "
    "more most my next no not now of on once one our she since so some still that the their "
    "then there these they this those though through to under until we what when where which "
    "while who why with yet you your monday tuesday wednesday thursday friday saturday sunday "
    "january february march april may june july august september october november december "
    "congress senate house court states state country city county council parliament "
    "government police department officials residents critics opponents supporters analysts "
    "experts protesters demonstrators lawmakers activists witnesses neighbors neighbours parents "
    "students teachers authorities investigators prosecutors doctors scientists researchers "
    "economists voters members organizers organisers campaigners leaders"
)
SPEECH_VERB_WORDS = " ".join(
    word for word in VERBS.replace("(?:had|has|have) ", "").split("|") if word.isalpha()
)
NOT_NAMES = word_set(f"{NOT_NAME_WORDS} {SPEECH_VERB_WORDS}")  # "Replied Stephen", "Says Jones"
# Groups that speak as one, unnamed: "Prosecutors alleged", "officials said".
GROUP_NOUNS = (
    r"[Pp]rosecutors|[Oo]fficials|[Ii]nvestigators|[Pp]olice|[Rr]esearchers|[Ss]cientists|"
    r"[Aa]nalysts|[Ee]conomists|[Cc]ritics|[Ww]itnesses|[Ll]awyers|[Dd]octors|[Rr]esidents|"
    r"[Pp]rotesters|[Aa]ctivists|[Oo]rganizers|[Oo]rganisers|[Ee]xperts|[Ss]upporters"
)
# The first words of a speaker the copy describes rather than names: "a senior official".
DESCRIBING_WORDS = word_set("a an the one another two three several some many other")
ROLE_NOUNS = (
    r"vice[- ]president|president(?:-elect)?|governor|mayor|senator|judge|justice|sheriff|"
    r"secretary|minister|chancellor|director|coach|manager|commissioner|superintendent|chief|"
    r"attorney general|speaker|chair(?:man|woman)?|spokes(?:man|woman|person)|administrator|"
    r"ambassador|premier|prime minister|king|queen|pope|chief executive|executive|captain|"
    r"striker|goalkeeper|midfielder|defender|economist|scientist|investigator|officer|"
    r"daughter|son|wife|husband|widow|widower|brother|sister|mother|father"
)
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
SUBORDINATE_TITLES = word_set("vice deputy assistant associate acting interim")
TITLE_CASE_SMALL_WORDS = word_set("a an the of at in on and or for to by")
# Given names common in English-language copy that are almost always one sex's, for "he" and
# "she": a guess the copy's own "Mr.", "Ms.", "he" and "she" outweigh.
MALE_GIVEN_NAMES = word_set(
    """aaron adam ahmad ahmed alan albert alejandro alex alexander ali andrew andy anthony antonio
    arthur barack ben benjamin bernie bill billy bob bobby brad brandon brett brian bruce bryan
    carl carlos charles charlie chris christian christopher chuck colin craig dan daniel darren
    dave david dennis derek diego dmitry don donald doug douglas ed eddie edward emmanuel
    eric frank fred gary george gerald giuseppe gordon graham greg gregory harold harry henry
    hugh ian ivan jack jacob jake james jamie jason jeff jeffrey jeremy jerry jim jimmy joe joel
    john johnny jon jonathan jorge jose joseph josh joshua juan justin keith ken kenneth kevin
    kyle larry lee luis luke marco marcus mark martin matt matthew michael mike mitch mohammed
    muhammad nathan neil nicholas nick nigel oliver omar patrick paul pedro pete peter
    phil philip ralph ramon randy ray raymond rex richard rick rob robert roger ron ronald
    roy russell ryan sam samuel scott sean sergei seth simon stephen steve steven stuart ted
    terry thomas tim timothy todd tom tommy tony travis troy victor vladimir walter wayne will
    william xi zack"""
)
FEMALE_GIVEN_NAMES = word_set(
    """abigail alexandria alice alicia alison amanda amy andrea angela angelina ann anna anne
    annie barbara betsy betty beyoncé brenda bridget carol caroline carolyn catherine cathy
    charlotte cheryl chloe christine claire claudia cynthia deborah debbie debra denise diana
    diane donna dorothy elaine elena elise elizabeth ellen emily emma erin eva evelyn felicia
    frances gabrielle gina grace hannah heather heidi helen hillary holly ingrid irene ivanka
    jacqueline jane janet janice jean jennifer jessica jill joan joanna joanne jodi judith judy
    julia julie karen kate katherine kathleen kathryn kathy katie kelly kimberly kristen laura
    lauren linda lindsey lisa liz lori louise lucy lynn margaret maria marie marilyn martha mary
    maura megan melania melissa michelle monica nancy natalie nicole nikki olivia oprah pamela
    patricia paula penny rachel rebecca rose ruth sally samantha sandra sara sarah sharon sheila
    shirley sofia sophia stephanie susan suzanne taylor teresa theresa tina tracy valerie
    vanessa victoria virginia wendy yvonne"""
)
