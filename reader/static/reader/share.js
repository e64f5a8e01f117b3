// "Copy link" on a story: shown only where the script runs and the clipboard can be written.
for (const button of document.querySelectorAll(".share__copy")) {
  if (!navigator.clipboard) continue
  const said = button.nextElementSibling
  button.hidden = false
  button.addEventListener("click", async () => {
    try {
      await navigator.clipboard.writeText(button.dataset.url)
      said.textContent = "Link copied"
    } catch {
      said.textContent = "The link could not be copied"
    }
  })
}
