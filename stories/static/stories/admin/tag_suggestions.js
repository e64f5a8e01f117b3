// Story form: a suggested tag joins the tags field on a click; editing the headline asks the
// server for suggestions again.
"use strict";
(function () {
  function quoted(name) {
    return /[,"\s]/.test(name) ? '"' + name.replace(/"/g, "") + '"' : name;
  }

  function addTag(input, name) {
    const current = input.value.trim();
    input.value = current ? current.replace(/,\s*$/, "") + ", " + quoted(name) : quoted(name);
    input.dispatchEvent(new Event("change", { bubbles: true }));
  }

  function render(box, names) {
    const list = box.querySelector(".tag-suggestions__list");
    list.replaceChildren();
    for (const name of names) {
      const button = document.createElement("button");
      button.type = "button";
      button.className = "button tag-suggestion";
      button.dataset.tag = name;
      button.textContent = name;
      list.append(button, " ");
    }
    box.hidden = names.length === 0;
  }

  function refresh(box, input, headline) {
    const url = new URL(box.dataset.url, window.location.href);
    url.searchParams.set("headline", headline.value);
    url.searchParams.set("tags", input.value);
    fetch(url, { credentials: "same-origin" })
      .then((response) => (response.ok ? response.json() : { tags: [] }))
      .then((data) => render(box, data.tags));
  }

  document.addEventListener("DOMContentLoaded", function () {
    for (const box of document.querySelectorAll(".tag-suggestions")) {
      const input = document.getElementById(box.dataset.for);
      const headline = document.getElementById("id_headline");
      box.addEventListener("click", function (event) {
        const button = event.target.closest(".tag-suggestion");
        if (!button) return;
        addTag(input, button.dataset.tag);
        button.remove();
        box.hidden = !box.querySelector(".tag-suggestion");
      });
      if (headline && box.dataset.url) {
        headline.addEventListener("change", () => refresh(box, input, headline));
      }
    }
  });
})();
