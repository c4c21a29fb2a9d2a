// Type-ahead for the search box: fills the <datalist> with matching titles. Without this
// script the search form works as a plain GET form.
(function () {
  "use strict";
  var input = document.getElementById("zoekterm");
  if (!input || !window.fetch) {
    return;
  }
  var list = document.getElementById(input.getAttribute("list"));
  var timer = null;
  input.addEventListener("input", function () {
    window.clearTimeout(timer);
    var prefix = input.value.trim();
    if (prefix.length < 2) {
      return;
    }
    timer = window.setTimeout(function () {
      fetch(input.dataset.suggesties + "?q=" + encodeURIComponent(prefix))
        .then(function (response) { return response.ok ? response.json() : []; })
        .then(function (items) {
          list.replaceChildren.apply(list, items.map(function (item) {
            var option = document.createElement("option");
            option.value = item.title;
            return option;
          }));
        })
        .catch(function () { /* suggestions are optional */ });
    }, 150);
  });
})();
