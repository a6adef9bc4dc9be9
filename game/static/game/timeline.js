// "Put the story in order": drag the cards with SortableJS (mouse and touch); each card's place
// list follows the drag, and keyboard users set the places with the lists themselves.
(function () {
  "use strict";
  function renumber(list) {
    list.querySelectorAll("[data-card] select").forEach(function (select, index) {
      select.value = String(index + 1);
    });
  }
  function setUp(root) {
    (root.querySelectorAll ? root.querySelectorAll("[data-timeline]") : []).forEach(function (list) {
      if (list.timelineReady || !window.Sortable) return;
      list.timelineReady = true;
      window.Sortable.create(list, { animation: 150, onEnd: function () { renumber(list); } });
    });
  }
  document.addEventListener("DOMContentLoaded", function () { setUp(document); });
  document.addEventListener("htmx:afterSettle", function (event) { setUp(document); });
})();
