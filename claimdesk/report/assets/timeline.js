// The timeline's brush: drag across the bars (or click one) to list the stories first seen in that
// period below, from the JSON API. Article text is only ever written with textContent.
(function () {
  var wrap = document.querySelector("[data-brush]");
  var list = document.getElementById("brushed");
  if (!wrap || !list) return;
  var svg = wrap.querySelector("svg.timeline");
  var brush = svg.querySelector("rect.brush");
  var bars = Array.prototype.slice.call(svg.querySelectorAll("g.bar"));
  var barWidth = parseFloat(svg.querySelector("g.bar rect") ? svg.querySelector("g.bar rect").getAttribute("width") : 4);
  var start = null;
  var asked = 0;  // the latest listing asked for: an older answer arriving late is dropped
  function toSvgX(evt) {
    var pt = svg.createSVGPoint(); pt.x = evt.clientX; pt.y = evt.clientY;
    return pt.matrixTransform(svg.getScreenCTM().inverse()).x;
  }
  function draw(a, b) {
    brush.setAttribute("x", Math.min(a, b)); brush.setAttribute("width", Math.max(1, Math.abs(b - a)));
  }
  function selected(a, b) {
    var lo = Math.min(a, b), hi = Math.max(a, b);
    return bars.filter(function (g) {
      var x = parseFloat(g.getAttribute("data-x"));
      return x + barWidth >= lo && x <= hi;
    });
  }
  function cell(row, text, cls) { var td = document.createElement("td"); td.textContent = text; if (cls) td.className = cls; row.appendChild(td); return td; }
  function show(chosen) {
    if (!chosen.length) return;
    var since = chosen[0].getAttribute("data-since"), until = chosen[chosen.length - 1].getAttribute("data-until");
    var params = new URLSearchParams(); if (since) params.set("since", since); params.set("until", until);
    var first = chosen[0].getAttribute("data-label"), last = chosen[chosen.length - 1].getAttribute("data-label");
    list.querySelector(".brushed-period").textContent = first === last ? first : first + " – " + last;
    list.querySelector("a.brushed-all").setAttribute("href", "/stories?" + params.toString());
    var ticket = ++asked;
    fetch("/api/stories?" + params.toString() + "&limit=50").then(function (r) { return r.json(); }).then(function (page) {
      if (ticket !== asked) return;
      list.querySelector(".brushed-total").textContent = page.total + " stories" + (page.total > page.stories.length ? ", the " + page.stories.length + " best-sourced listed" : "");
      var body = list.querySelector("tbody"); body.textContent = "";
      page.stories.forEach(function (s) {
        var tr = document.createElement("tr"); tr.className = "brushed-row"; tr.setAttribute("data-first-seen", s.first_seen || "");
        var badge = document.createElement("span"); badge.className = "badge " + s.status; badge.textContent = s.status.replace("_", " ");
        cell(tr, "").appendChild(badge);
        var a = document.createElement("a"); a.href = "/stories/" + encodeURIComponent(s.id); a.textContent = s.text.length > 200 ? s.text.slice(0, 200) + "…" : s.text;
        cell(tr, "").appendChild(a);
        cell(tr, s.first_seen || "", "date"); cell(tr, String(s.independent_sources), "num");
        body.appendChild(tr);
      });
      // the period the rows are of, set with them (the browser tests wait on these)
      list.setAttribute("data-since", since || ""); list.setAttribute("data-until", until);
      list.hidden = false;
    });
  }
  svg.addEventListener("mousedown", function (evt) { evt.preventDefault(); start = toSvgX(evt); draw(start, start); });
  svg.addEventListener("mousemove", function (evt) { if (start !== null) draw(start, toSvgX(evt)); });
  window.addEventListener("mouseup", function (evt) {
    if (start === null) return;
    var end = toSvgX(evt); draw(start, end); var chosen = selected(start, end); start = null; show(chosen);
  });
})();
