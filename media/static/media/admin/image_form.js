"use strict";
// The image form: a preview of the chosen file before it is saved, and the focal point set
// by clicking the picture (the two number fields stay the source of truth).
document.addEventListener("DOMContentLoaded", () => {
  const upload = document.querySelector("input[data-image-preview]");
  const focalX = document.getElementById("id_focal_x");
  const focalY = document.getElementById("id_focal_y");
  let frame = document.querySelector("[data-focal-point]");

  function showFocus() {
    const marker = frame && frame.querySelector(".image-preview__focus");
    if (!marker) return;
    marker.style.left = `${Number(focalX.value) * 100}%`;
    marker.style.top = `${Number(focalY.value) * 100}%`;
  }

  function framed(src) {
    if (!frame) {
      frame = document.createElement("div");
      frame.className = "image-preview";
      frame.dataset.focalPoint = "";
      upload.closest(".form-row, .fieldBox, div").before(frame);
    }
    frame.replaceChildren();
    const img = document.createElement("img");
    img.alt = "";
    img.src = src;
    const marker = document.createElement("span");
    marker.className = "image-preview__focus";
    frame.append(img, marker);
    showFocus();
  }

  if (upload) {
    upload.addEventListener("change", () => {
      const file = upload.files[0];
      if (!file || !file.type.startsWith("image/")) return;
      const reader = new FileReader();
      reader.addEventListener("load", () => framed(reader.result));
      reader.readAsDataURL(file);
    });
  }

  document.addEventListener("click", (event) => {
    const img = event.target.closest("[data-focal-point] img");
    if (!img || !focalX || !focalY) return;
    const box = img.getBoundingClientRect();
    focalX.value = ((event.clientX - box.left) / box.width).toFixed(2);
    focalY.value = ((event.clientY - box.top) / box.height).toFixed(2);
    showFocus();
  });
  [focalX, focalY].forEach((field) => field && field.addEventListener("input", showFocus));
  showFocus();
});
