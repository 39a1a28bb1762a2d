// Pan, zoom, clusters, a time filter and click popups for claimdesk's SVG map. Story data comes
// from a JSON block and is only ever written with textContent, so nothing from an article becomes
// markup. Points closer than CLUSTER_PX on screen are drawn as one numbered cluster; clicking it
// zooms in on its points.
(function () {
  var SVG_NS = "http://www.w3.org/2000/svg";
  var CLUSTER_PX = 24;
  document.querySelectorAll("[data-map]").forEach(function (wrap) {
    var svg = wrap.querySelector("svg.map");
    var dataEl = wrap.querySelector("script.map-data");
    var points = dataEl ? JSON.parse(dataEl.textContent) : [];
    var byId = {};
    points.forEach(function (p) { byId[p.id] = p; });
    var dots = Array.prototype.slice.call(svg.querySelectorAll("g.points circle[data-id]"));
    var regions = Array.prototype.slice.call(svg.querySelectorAll("g.regions circle[data-region-of]"));
    var clusterLayer = svg.querySelector("g.clusters");
    var shown = wrap.querySelector(".map-shown");
    var base = svg.viewBox.baseVal;
    var view = { x: base.x, y: base.y, w: base.width, h: base.height };
    var full = { x: view.x, y: view.y, w: view.w, h: view.h };
    var range = { since: "", until: "" };
    var pending = false;

    function inTime(p) {
      if (!range.since && !range.until) return true;
      if (!p || !p.date) return false;
      var lo = (p.date + "-01-01").slice(0, 10), hi = (p.date + "-99-99").slice(0, 10);
      return (!range.until || lo <= range.until) && (!range.since || hi >= range.since);
    }
    function shade(visible) {
      var status = {};
      visible.slice().reverse().forEach(function (p) { if (p.kind === "country" && p.iso_a3) status[p.iso_a3] = p.status; });
      svg.querySelectorAll("g.countries path[data-iso]").forEach(function (path) {
        var s = status[path.getAttribute("data-iso")];
        path.setAttribute("class", s ? "area " + s : "");
      });
    }
    // markers keep about their screen size as the map zooms (growing a little), so a zoomed-in
    // map shows places apart instead of discs that cover them; a region's disc keeps its true size
    dots.forEach(function (dot) { dot.setAttribute("data-r", dot.getAttribute("r")); });
    function resize() {
      var k = Math.pow(view.w / full.w, 0.8);
      dots.forEach(function (dot) {
        dot.setAttribute("r", (parseFloat(dot.getAttribute("data-r")) * k).toFixed(4));
      });
    }
    function recluster() {
      pending = false;
      resize();
      if (clusterLayer) clusterLayer.textContent = "";
      var rect = svg.getBoundingClientRect();
      var scale = rect.width ? rect.width / view.w : 1;  // screen pixels per map unit
      // greedy: each point joins the first cluster seeded within CLUSTER_PX of it (seeds found
      // through a grid of that size), else seeds its own; best-sourced points seed first
      var grid = {}, groups = [], visible = [];
      dots.forEach(function (dot) {
        var p = byId[dot.getAttribute("data-id")];
        var on = inTime(p);
        dot.classList.toggle("out-of-time", !on);
        dot.classList.remove("clustered");
        if (!on) return;
        visible.push(p);
        var x = parseFloat(dot.getAttribute("cx")), y = parseFloat(dot.getAttribute("cy"));
        var gx = Math.floor(x * scale / CLUSTER_PX), gy = Math.floor(y * scale / CLUSTER_PX), found = null;
        for (var dx = -1; dx <= 1 && !found; dx++) {
          for (var dy = -1; dy <= 1 && !found; dy++) {
            (grid[(gx + dx) + ":" + (gy + dy)] || []).some(function (g) {
              if (Math.hypot((g.x - x) * scale, (g.y - y) * scale) <= CLUSTER_PX) { found = g; return true; }
              return false;
            });
          }
        }
        if (!found) { found = { x: x, y: y, members: [] }; groups.push(found); (grid[gx + ":" + gy] = grid[gx + ":" + gy] || []).push(found); }
        found.members.push({ dot: dot, x: x, y: y });
      });
      regions.forEach(function (r) { r.classList.toggle("out-of-time", !inTime(byId[r.getAttribute("data-region-of")])); });
      shade(visible);
      groups.forEach(function (group) {
        var members = group.members;
        if (members.length < 2 || !clusterLayer) return;
        var cx = 0, cy = 0;
        members.forEach(function (m) { m.dot.classList.add("clustered"); cx += m.x; cy += m.y; });
        cx /= members.length; cy /= members.length;
        var g = document.createElementNS(SVG_NS, "g"); g.setAttribute("class", "cluster");
        g.setAttribute("data-count", String(members.length));
        var ids = members.map(function (m) { return m.dot.getAttribute("data-id"); });
        g.setAttribute("data-ids", ids.join(" "));
        var c = document.createElementNS(SVG_NS, "circle");
        c.setAttribute("cx", cx); c.setAttribute("cy", cy);
        c.setAttribute("r", (Math.min(22, 8 + 2.5 * Math.log(members.length) * 2) / scale).toFixed(3));
        var t = document.createElementNS(SVG_NS, "text");
        t.setAttribute("x", cx); t.setAttribute("y", cy); t.setAttribute("font-size", (11 / scale).toFixed(3));
        t.textContent = String(members.length);
        var title = document.createElementNS(SVG_NS, "title"); title.textContent = members.length + " stories: click to zoom in";
        g.appendChild(c); g.appendChild(t); g.appendChild(title); clusterLayer.appendChild(g);
      });
      if (shown) shown.textContent = visible.length + " of " + dots.length + " shown";
      wrap.setAttribute("data-visible", String(visible.length));
    }
    function later() { if (!pending) { pending = true; window.requestAnimationFrame(recluster); } }
    function apply() { svg.setAttribute("viewBox", [view.x, view.y, view.w, view.h].join(" ")); later(); }
    function zoom(f, cx, cy) {
      cx = cx === undefined ? view.x + view.w / 2 : cx; cy = cy === undefined ? view.y + view.h / 2 : cy;
      var w = Math.min(full.w, Math.max(full.w / 100, view.w * f)); var h = w * full.h / full.w;
      view.x = cx - (cx - view.x) * w / view.w; view.y = cy - (cy - view.y) * h / view.h; view.w = w; view.h = h; apply();
    }
    function zoomTo(xs, ys) {
      var x0 = Math.min.apply(null, xs), x1 = Math.max.apply(null, xs), y0 = Math.min.apply(null, ys), y1 = Math.max.apply(null, ys);
      var w = Math.max(full.w / 60, (x1 - x0) * 1.6, (y1 - y0) * 1.6 * full.w / full.h);
      view = { x: (x0 + x1) / 2 - w / 2, y: (y0 + y1) / 2 - w * full.h / full.w / 2, w: w, h: w * full.h / full.w }; apply();
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
    var form = document.querySelector("form.map-time");
    if (form) {
      var since = form.querySelector("[name=since]"), until = form.querySelector("[name=until]");
      var set = function () { range.since = since.value || ""; range.until = until.value || ""; later(); };
      since.addEventListener("input", set); until.addEventListener("input", set); set();
      form.addEventListener("submit", function (evt) { evt.preventDefault(); set(); });
    }
    svg.addEventListener("wheel", function (evt) { evt.preventDefault(); var m = toMap(evt); zoom(evt.deltaY > 0 ? 1.25 : 0.8, m[0], m[1]); }, { passive: false });
    var drag = null;
    svg.addEventListener("mousedown", function (evt) { drag = { x: evt.clientX, y: evt.clientY, vx: view.x, vy: view.y }; });
    window.addEventListener("mouseup", function () { drag = null; });
    window.addEventListener("mousemove", function (evt) {
      if (!drag) return; var r = svg.getBoundingClientRect();
      view.x = drag.vx - (evt.clientX - drag.x) / r.width * view.w; view.y = drag.vy - (evt.clientY - drag.y) / r.height * view.h; apply();
    });
    var popup = wrap.querySelector(".popup");
    // stories at one spot never separate by zooming: a cluster of them lists its stories
    function listPopup(cluster) {
      var ids = cluster.getAttribute("data-ids").split(" ");
      var first = byId[ids[0]];
      popup.querySelector(".popup-status").textContent = ids.length + " stories";
      popup.querySelector(".popup-status").className = "badge popup-status";
      popup.querySelector(".popup-text").textContent = "";
      var list = document.createElement("ul"); list.className = "plain popup-list";
      ids.slice(0, 30).forEach(function (id) {
        var p = byId[id]; var li = document.createElement("li"); var a = document.createElement("a");
        a.href = (wrap.getAttribute("data-story-base") || "#story-") + encodeURIComponent(id);
        a.textContent = "[" + p.status.replace("_", " ") + "] " + (p.text.length > 120 ? p.text.slice(0, 120) + "…" : p.text);
        li.appendChild(a); list.appendChild(li);
      });
      popup.querySelector(".popup-text").appendChild(list);
      popup.querySelector(".popup-meta").textContent = first.place + (ids.length > 30 ? " · the first 30 of " + ids.length + " listed" : "");
      var link = popup.querySelector(".popup-link"); if (link) link.setAttribute("href", "#");
      var r = wrap.getBoundingClientRect(), d = cluster.getBoundingClientRect();
      popup.style.left = Math.max(0, Math.min(d.right - r.left + 6, r.width - 330)) + "px";
      popup.style.top = Math.max(0, d.bottom - r.top + 6) + "px";
      popup.hidden = false;
    }
    svg.addEventListener("click", function (evt) {
      var cluster = evt.target.closest("g.cluster");
      if (cluster) {
        var xs = [], ys = [];
        cluster.getAttribute("data-ids").split(" ").forEach(function (id) { var p = byId[id]; if (p) { xs.push(p.x); ys.push(p.y); } });
        var oneSpot = Math.max.apply(null, xs) - Math.min.apply(null, xs) < 1e-6 && Math.max.apply(null, ys) - Math.min.apply(null, ys) < 1e-6;
        if (oneSpot && popup) { listPopup(cluster); } else if (xs.length) { zoomTo(xs, ys); }
        evt.stopPropagation();
        return;
      }
      var dot = evt.target.closest("circle[data-id]");
      if (!dot || !popup) return;
      var p = byId[dot.getAttribute("data-id")];
      if (!p) return;
      popup.querySelector(".popup-status").textContent = p.status.replace("_", " ");
      popup.querySelector(".popup-status").className = "badge popup-status " + p.status;
      popup.querySelector(".popup-text").textContent = p.text;
      popup.querySelector(".popup-meta").textContent = p.place + (p.kind === "region" || p.kind === "country" ? " (" + p.kind + ")" : "") + (p.date ? " · " + p.date : "") + " · " + p.sources + " independent source(s)";
      var link = popup.querySelector(".popup-link");
      if (link) { link.setAttribute("href", (wrap.getAttribute("data-story-base") || "#story-") + encodeURIComponent(p.id)); }
      var r = wrap.getBoundingClientRect(), d = dot.getBoundingClientRect();
      popup.style.left = Math.max(0, Math.min(d.right - r.left + 6, r.width - 330)) + "px";
      popup.style.top = Math.max(0, d.bottom - r.top + 6) + "px";
      popup.hidden = false;
      evt.stopPropagation();
    });
    document.addEventListener("click", function (evt) { if (popup && !popup.contains(evt.target)) popup.hidden = true; });
    window.addEventListener("resize", later);
    recluster();
  });
})();
