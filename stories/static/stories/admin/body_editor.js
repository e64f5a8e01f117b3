// The story body's editor: django-prose-editor's ProseMirror, offering only what the server's
// allow-list keeps (stories/body_html.py), with pictures from the image library.
import {
  Blockquote,
  Bold,
  BulletList,
  Document,
  Dropcursor,
  Editor,
  Gapcursor,
  HardBreak,
  Heading,
  History,
  Italic,
  Link,
  ListItem,
  Menu,
  Node,
  OrderedList,
  Paragraph,
  Text,
  crel,
  initializeEditors,
  updateAttrsDialog,
} from "django-prose-editor/editor"

const ATTRIBUTE = "data-django-prose-editor-newsroom"
const gettext = window.gettext || ((text) => text)
const VIDEO = /^https?:\/\/((www\.|m\.)?youtube\.com|youtu\.be|(www\.|player\.)?vimeo\.com)\//i

// A figure goes after a figure that is selected, never over it.
function insertBlock(editor, content) {
  const { selection } = editor.state
  const chain = editor.chain().focus()
  const inserted = selection.node ? chain.insertContentAt(selection.to, content) : chain.insertContent(content)
  inserted.run()
}

// A picture from the image library: stored as <figure data-image="N"> with the story's own
// caption, if any; the site builds the <picture> with its renditions, alt text and credit.
const LibraryImage = Node.create({
  name: "libraryImage",
  group: "block",
  content: "inline*",
  marks: "bold italic",
  draggable: true,
  isolating: true,
  addOptions: () => ({ search: "", preview: "" }),
  addAttributes: () => ({
    image: {
      default: null,
      parseHTML: (element) => element.getAttribute("data-image"),
      renderHTML: (attributes) => ({ "data-image": attributes.image }),
    },
  }),
  parseHTML: () => [
    {
      tag: "figure[data-image]",
      contentElement: (figure) =>
        figure.querySelector("figcaption") || document.createElement("figcaption"),
    },
  ],
  renderHTML: ({ HTMLAttributes }) => ["figure", HTMLAttributes, ["figcaption", 0]],
  addNodeView() {
    const preview = this.options.preview
    return ({ node }) => {
      const dom = crel("figure", { className: "body-picture" })
      dom.dataset.image = node.attrs.image
      const shown = crel("img", {
        src: `${preview}${node.attrs.image}/current/original-640.jpg`,
        alt: gettext("Picture %s of the image library").replace("%s", node.attrs.image),
        contentEditable: "false",
      })
      const contentDOM = crel("figcaption")
      dom.append(shown, contentDOM)
      return { dom, contentDOM }
    }
  },
  addMenuItems({ buttons, menu }) {
    const options = this.options
    menu.defineItem({
      name: "libraryImage",
      groups: "nodes",
      button: buttons.material("image", gettext("picture from the image library")),
      command: (editor) => chooseLibraryImage(editor, options),
    })
  },
})

function chooseLibraryImage(editor, options) {
  const search = crel("input", { type: "search", id: "body-image-search", size: 40 })
  const results = crel("div", { className: "body-image-results", role: "listbox" })
  const caption = crel("input", { type: "text", id: "body-image-caption", size: 50 })
  const insert = crel("button", { type: "submit", textContent: gettext("Insert"), disabled: true })
  const cancel = crel("button", { type: "button", textContent: gettext("Cancel") })
  let chosen = null
  const dialog = crel("dialog", { className: "prose-editor-dialog body-image-dialog" }, [
    crel("form", {}, [
      crel("h3", { className: "prose-editor-dialog-title", textContent: gettext("Picture from the image library") }),
      crel("div", { className: "prose-editor-dialog-field" }, [
        crel("label", { htmlFor: search.id, textContent: gettext("Search by title, alt text, caption or credit") }),
        search,
      ]),
      results,
      crel("div", { className: "prose-editor-dialog-field" }, [
        crel("label", { htmlFor: caption.id, textContent: gettext("Caption in this story (empty: the library's caption)") }),
        caption,
      ]),
      crel("div", { className: "prose-editor-dialog-buttons" }, [insert, cancel]),
    ]),
  ])
  editor.view.dom.parentElement.append(dialog)

  const show = async () => {
    const address = `${options.search}?${new URLSearchParams({ q: search.value })}`
    const answer = await fetch(address, { credentials: "same-origin" })
    const found = answer.ok ? (await answer.json()).results : []
    results.replaceChildren(
      ...found.map((image) => {
        const choice = crel("button", {
          type: "button",
          className: "body-image-choice",
          role: "option",
          title: image.label,
        }, [
          crel("img", { src: image.thumbnail, alt: "" }),
          crel("span", { textContent: image.needsAltText ? `${image.label} (${gettext("no alt text yet")})` : image.label }),
        ])
        choice.dataset.image = image.id
        choice.addEventListener("click", () => {
          chosen = image.id
          for (const other of results.children) other.setAttribute("aria-selected", "false")
          choice.setAttribute("aria-selected", "true")
          insert.disabled = false
        })
        return choice
      }),
    )
    if (!found.length) results.append(crel("p", { textContent: gettext("No picture found.") }))
  }
  let typing = null
  search.addEventListener("input", () => {
    clearTimeout(typing)
    typing = setTimeout(show, 250)
  })
  cancel.addEventListener("click", () => dialog.close())
  dialog.addEventListener("close", () => dialog.remove())
  insert.addEventListener("click", (event) => {
    event.preventDefault()
    if (chosen === null) return
    const text = caption.value.trim()
    insertBlock(editor, {
      type: "libraryImage",
      attrs: { image: String(chosen) },
      content: text ? [{ type: "text", text }] : [],
    })
    dialog.close()
  })
  dialog.showModal()
  show()
}

// A video (YouTube, Vimeo) by its address, or a post from a social network with its text,
// author, handle and date: the site shows either itself, loading nothing from elsewhere.
const VideoEmbed = Node.create({
  name: "videoEmbed",
  group: "block",
  atom: true,
  draggable: true,
  addAttributes: () => ({
    video: {
      default: null,
      parseHTML: (element) => element.getAttribute("data-video"),
      renderHTML: (attributes) => ({ "data-video": attributes.video }),
    },
  }),
  parseHTML: () => [{ tag: "figure[data-video]" }],
  renderHTML: ({ HTMLAttributes }) => ["figure", HTMLAttributes],
  addNodeView: () => ({ node }) => {
    const dom = crel("figure", { className: "body-embed" }, [
      crel("strong", { textContent: gettext("Video: ") }),
      crel("span", { textContent: node.attrs.video }),
    ])
    dom.dataset.video = node.attrs.video
    return { dom }
  },
})

const PostEmbed = Node.create({
  name: "postEmbed",
  group: "block",
  content: "inline*",
  marks: "",
  draggable: true,
  isolating: true,
  addAttributes: () =>
    Object.fromEntries(
      ["post", "author", "handle", "date"].map((name) => [
        name,
        {
          default: null,
          parseHTML: (element) => element.getAttribute(`data-${name}`),
          renderHTML: (attributes) => (attributes[name] ? { [`data-${name}`]: attributes[name] } : {}),
        },
      ]),
    ),
  parseHTML: () => [
    {
      tag: "figure[data-post]",
      contentElement: (figure) =>
        figure.querySelector("blockquote") || document.createElement("blockquote"),
    },
  ],
  renderHTML: ({ HTMLAttributes }) => ["figure", HTMLAttributes, ["blockquote", 0]],
  addNodeView: () => ({ node }) => {
    const credit = [node.attrs.author, node.attrs.handle, node.attrs.date].filter(Boolean).join(" · ")
    const contentDOM = crel("blockquote")
    const dom = crel("figure", { className: "body-embed" }, [
      contentDOM,
      crel("figcaption", { contentEditable: "false", textContent: `— ${credit} (${node.attrs.post})` }),
    ])
    dom.dataset.post = node.attrs.post
    return { dom, contentDOM }
  },
  addMenuItems({ buttons, menu }) {
    menu.defineItem({
      name: "embed",
      groups: "nodes",
      button: buttons.text(gettext("Embed"), gettext("embed a post or a video")),
      command: embed,
    })
  },
})

async function embed(editor) {
  const fields = {
    url: { type: "string", title: gettext("Address of the video or the post"), required: true },
    text: {
      type: "string",
      format: "textarea",
      title: gettext("The post's text"),
      description: gettext("For a post; a YouTube or Vimeo address needs nothing more."),
    },
    author: { type: "string", title: gettext("Posted by (name)") },
    handle: { type: "string", title: gettext("Handle, such as @newsdesk") },
    date: { type: "string", format: "date", title: gettext("Posted on") },
  }
  const given = await updateAttrsDialog(fields, {
    title: gettext("Embed a post or a video"),
    submitText: gettext("Embed"),
  })(editor, {})
  if (!given) return
  const url = given.url.trim()
  if (VIDEO.test(url)) {
    insertBlock(editor, { type: "videoEmbed", attrs: { video: url } })
    return
  }
  if (!/^https?:\/\//i.test(url) || !given.text.trim() || !(given.author.trim() || given.handle.trim())) {
    window.alert(
      gettext("A post needs its address (http or https), its text, and who posted it. Videos come from YouTube or Vimeo."),
    )
    return
  }
  insertBlock(editor, {
    type: "postEmbed",
    attrs: {
      post: url,
      author: given.author.trim() || null,
      handle: given.handle.trim() || null,
      date: given.date || null,
    },
    content: [{ type: "text", text: given.text.trim() }],
  })
}

function createEditor(textarea) {
  if (textarea.closest(".prose-editor")) return null
  const config = JSON.parse(textarea.getAttribute(ATTRIBUTE) || "{}")
  const disabled = textarea.hasAttribute("disabled")
  const wrapper = crel("div", { className: `prose-editor${disabled ? " disabled" : ""}` })
  textarea.before(wrapper)
  wrapper.append(textarea)
  const editor = new Editor({
    element: wrapper,
    editable: !disabled,
    injectCSS: false, // body_editor.css holds the rules; the CSP refuses inline style
    content: textarea.value,
    extensions: [
      Document,
      Paragraph,
      Text,
      HardBreak,
      Heading.configure({ levels: [2, 3] }),
      Bold,
      Italic,
      Link.configure({ openOnClick: false, enableTarget: false }),
      BulletList,
      OrderedList,
      ListItem,
      Blockquote,
      History,
      Dropcursor,
      Gapcursor,
      LibraryImage.configure({ search: config.imageSearch, preview: config.imagePreview }),
      VideoEmbed,
      PostEmbed,
      Menu,
    ],
    onUpdate({ editor }) {
      const html = editor.getHTML()
      textarea.value = /^<(\w+)(\s[^>]*)?><\/\1>$/i.test(html) ? "" : html
      textarea.dispatchEvent(new Event("input", { bubbles: true }))
    },
    onDestroy() {
      wrapper.before(textarea)
      wrapper.remove()
    },
  })
  textarea.dispatchEvent(
    new CustomEvent("prose-editor:ready", { detail: { editor, textarea }, bubbles: true }),
  )
  return editor
}

initializeEditors(createEditor, `[${ATTRIBUTE}]`)
