"""What an editor does in the story body's editor, step by step, for the browser tests."""

EDITOR = ".prose-editor .ProseMirror[contenteditable=true]"
NEXT_FRAMES = "() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))"
LOADED = "img => img.complete && img.naturalWidth > 0"


def menu_button(page, title: str):
    return page.locator(f".prose-menubar button[title='{title}']")


def start_over(page) -> None:
    """The body emptied, the caret in it."""
    page.locator(EDITOR).click()
    page.keyboard.press("Control+a")
    page.keyboard.press("Delete")


def write_subhead(page, text: str) -> None:
    page.keyboard.type(f"## {text}")  # the editor's input rule for a level-2 heading
    page.keyboard.press("Enter")


def link_last_words(page, words: str, href: str) -> None:
    """Select the ``words`` just typed, link them to ``href``, and go on after them."""
    for _ in words:
        page.keyboard.press("Shift+ArrowLeft")
    menu_button(page, "insert link").click()
    dialog = page.locator("dialog.prose-editor-dialog[open]")
    dialog.locator("input[name=href]").fill(href)
    dialog.locator("button[type=submit]").click()
    page.evaluate(NEXT_FRAMES)  # the editor takes its focus and selection back
    page.keyboard.press("ArrowRight")  # the selection ends, after the link
    page.evaluate(NEXT_FRAMES)  # as a reader of selectionchange, ProseMirror learns it then


def insert_library_picture(page, image_id: int, search: str, caption: str = "") -> None:
    menu_button(page, "picture from the image library").click()
    chooser = page.locator("dialog.body-image-dialog[open]")
    chooser.locator("#body-image-search").fill(search)
    chooser.locator(f".body-image-choice[data-image='{image_id}']").click()
    if caption:
        chooser.locator("#body-image-caption").fill(caption)
    chooser.locator("button[type=submit]").click()


def wait_until_loaded(page, picture) -> None:
    picture.scroll_into_view_if_needed()
    page.wait_for_function(LOADED, arg=picture.element_handle())
