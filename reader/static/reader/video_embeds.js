// A story's videos are links until the reader presses play: only then is the provider's
// player framed, so reading the story asks nothing of YouTube or Vimeo.
for (const figure of document.querySelectorAll(".video-embed[data-player]")) {
  const provider = figure.dataset.provider
  const play = document.createElement("button")
  play.type = "button"
  play.className = "video-embed__play"
  play.textContent = `Play the video from ${provider}`
  play.addEventListener("click", () => {
    const player = document.createElement("iframe")
    player.className = "video-embed__player"
    player.src = figure.dataset.player
    player.title = `Video from ${provider}`
    player.allow = "autoplay; encrypted-media; fullscreen; picture-in-picture"
    player.allowFullscreen = true
    player.referrerPolicy = "strict-origin-when-cross-origin"
    play.replaceWith(player)
    player.focus()
  })
  figure.prepend(play)
}
