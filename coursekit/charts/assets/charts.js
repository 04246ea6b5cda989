/* The course's chart loader (coursekit/charts/core.py writes the charts that use it).
 *
 * Every chart output holds its stored SVG image and a small script that pushes the chart onto
 * window.coursekitCharts. This loader draws each queued chart live with vega-embed, in place of its image,
 * and draws charts pushed later (a cell run again in JupyterLab) at once. vega, vega-lite and vega-embed are
 * loaded from this script's own host, never from another one: the paths in this script tag's data-vega,
 * relative to the script (the book's vendored builds; in Jupyter, the bundle the course's server extension
 * serves). Until a chart has drawn, and if it cannot be, its stored image stays.
 *
 * With data-near set (the book sets it: a CSS margin such as "50%"), the libraries are loaded and a chart
 * is drawn only when the chart comes within that margin of the viewport, or when the page is printed; a page
 * whose charts are far down costs no chart script until the reader gets there. Without it (Jupyter), every
 * chart is drawn at once.
 */
(function () {
  "use strict";
  var here = document.currentScript;
  var libraries = (here.dataset.vega || "").split(" ").filter(Boolean).map(function (path) {
    return new URL(path, here.src).href;
  });
  var charts = window.coursekitCharts = window.coursekitCharts || [];
  var ready = null;

  // The libraries, downloaded side by side and run in order (a script added with async = false).
  function vega() {
    if (!ready) {
      ready = window.vegaEmbed ? Promise.resolve() : Promise.all(libraries.map(function (src) {
        return new Promise(function (resolve, reject) {
          var script = document.createElement("script");
          script.async = false;
          script.src = src;
          script.onload = resolve;
          script.onerror = function () { reject(new Error("could not load " + src)); };
          document.head.appendChild(script);
        });
      }));
    }
    return ready;
  }

  function fallback(chart, error) {
    console.error("coursekit chart:", error);
    if (chart.element.querySelector(".coursekit-chart-note")) return;
    var note = document.createElement("p");
    note.className = "coursekit-chart-note";
    note.textContent = chart.fallback;
    chart.element.appendChild(note);
  }

  function draw(chart) {
    return vega().then(function () {
      return window.vegaEmbed(chart.element, chart.spec, chart.options);
    }).catch(function (error) { fallback(chart, error); });
  }

  // Drawing when near the viewport: each chart waits in `waiting` until the observer or printing starts it.
  var waiting = new Map();
  var observer = here.dataset.near && "IntersectionObserver" in window ? new IntersectionObserver(function (entries) {
    entries.forEach(function (entry) {
      if (entry.isIntersecting) start(entry.target);
    });
  }, {rootMargin: here.dataset.near + " 0px"}) : null;

  function start(element) {
    var chart = waiting.get(element);
    if (!chart) return;
    waiting.delete(element);
    observer.unobserve(element);
    draw(chart);
  }

  function schedule(chart) {
    if (!observer) return draw(chart);
    waiting.set(chart.element, chart);
    observer.observe(chart.element);
  }

  function drawAll() { Array.from(waiting.keys()).forEach(start); }
  window.addEventListener("beforeprint", drawAll);
  if (window.matchMedia) {
    window.matchMedia("print").addEventListener("change", function (event) { if (event.matches) drawAll(); });
  }

  charts.loader = here;
  charts.splice(0).forEach(schedule);
  charts.push = function (chart) { schedule(chart); return 0; };
})();
