// Pan, zoom and click popups for claimdesk's SVG map. Story data comes from a JSON block and is
// only ever written with textContent, so nothing from an article becomes markup.
(function () {
  document.querySelectorAll("[data-map]").forEach(function (wrap) {
    var svg = wrap.querySelector("svg.map");
    var dataEl = wrap.querySelector("script.map-data");
    var points = dataEl ? JSON.parse(dataEl.textContent) : [];
    var byId = {};
    points.forEach(function (p) { byId[p.id] = p; });
    var base = svg.viewBox.baseVal;
    var view = { x: base.x, y: base.y, w: base.width, h: base.height };
    var full = { x: view.x, y: view.y, w: view.w, h: view.h };
    function apply() { svg.setAttribute("viewBox", [view.x, view.y, view.w, view.h].join(" ")); }
    function zoom(f, cx, cy) {
      cx = cx === undefined ? view.x + view.w / 2 : cx; cy = cy === undefined ? view.y + view.h / 2 : cy;
      var w = Math.min(full.w, Math.max(full.w / 40, view.w * f)); var h = w * full.h / full.w;
      view.x = cx - (cx - view.x) * w / view.w; view.y = cy - (cy - view.y) * h / view.h; view.w = w; view.h = h; apply();
    }
    function toMap(evt) {
      var r = svg.getBoundingClientRect();
      return [view.x + (evt.clientX - r.left) / r.width * view.w, view.y + (evt.clientY - r.top) / r.height * view.h];
    }
    wrap.querySelectorAll("[data-zoom]").forEach(function (b) {
      b.addEventListener("click", function () {
        var z = b.getAttribute("data-zoom");
        if (z === "reset") { view = { x: full.x, y: full.y, w: full.w, h: full.h }; apply(); } else { zoom(parseFloat(z)); }
      });
    });
    svg.addEventListener("wheel", function (evt) { evt.preventDefault(); var m = toMap(evt); zoom(evt.deltaY > 0 ? 1.25 : 0.8, m[0], m[1]); }, { passive: false });
    var drag = null;
    svg.addEventListener("mousedown", function (evt) { drag = { x: evt.clientX, y: evt.clientY, vx: view.x, vy: view.y }; });
    window.addEventListener("mouseup", function () { drag = null; });
    window.addEventListener("mousemove", function (evt) {
      if (!drag) return; var r = svg.getBoundingClientRect();
      view.x = drag.vx - (evt.clientX - drag.x) / r.width * view.w; view.y = drag.vy - (evt.clientY - drag.y) / r.height * view.h; apply();
    });
    var popup = wrap.querySelector(".popup");
    svg.addEventListener("click", function (evt) {
      var dot = evt.target.closest("circle[data-id]");
      if (!dot || !popup) return;
      var p = byId[dot.getAttribute("data-id")];
      if (!p) return;
      popup.querySelector(".popup-status").textContent = p.status.replace("_", " ");
      popup.querySelector(".popup-status").className = "badge popup-status " + p.status;
      popup.querySelector(".popup-text").textContent = p.text;
      popup.querySelector(".popup-meta").textContent = p.place + (p.date ? " · " + p.date : "") + " · " + p.sources + " independent source(s)";
      var link = popup.querySelector(".popup-link");
      if (link) { link.setAttribute("href", (wrap.getAttribute("data-story-base") || "#story-") + encodeURIComponent(p.id)); }
      var r = wrap.getBoundingClientRect(), d = dot.getBoundingClientRect();
      popup.style.left = Math.max(0, Math.min(d.right - r.left + 6, r.width - 330)) + "px";
      popup.style.top = Math.max(0, d.bottom - r.top + 6) + "px";
      popup.hidden = false;
      evt.stopPropagation();
    });
    document.addEventListener("click", function (evt) { if (popup && !popup.contains(evt.target)) popup.hidden = true; });
  });
})();
