// Enhancements only: the page works without this script (the filter is links and CSS :target).
(function () {
  // Marks the filter's current link for assistive technologies.
  function mark() {
    var hash = location.hash || "#axes";
    document.querySelectorAll("nav.filter a").forEach(function (a) {
      if (a.getAttribute("href") === hash) a.setAttribute("aria-current", "true");
      else a.removeAttribute("aria-current");
    });
  }
  addEventListener("hashchange", mark);
  mark();
  // Printing unfolds every objective's texts, and folds them back after.
  var opened = [];
  addEventListener("beforeprint", function () {
    document.querySelectorAll("details:not([open])").forEach(function (d) {
      d.open = true;
      opened.push(d);
    });
  });
  addEventListener("afterprint", function () {
    opened.forEach(function (d) { d.open = false; });
    opened = [];
  });
})();
