// "Sort the arguments": drag with SortableJS (mouse and touch), or use the keyboard:
// Space picks a card up, Left/Right arrows move it between the piles, Space drops, Esc cancels.
// The radio buttons on each card stay the source of truth, so the form also works without JS.
(function () {
  "use strict";

  function init(form) {
    if (form.dataset.ready) return;
    form.dataset.ready = "1";
    var lists = Array.prototype.slice.call(form.querySelectorAll("[data-zone-list]"));
    var announcer = form.querySelector("[data-announcer]");
    var held = null; // {card, from}

    function zoneName(list) {
      var zone = list.closest("[data-zone]");
      var title = zone.querySelector(".zone-title");
      return title ? title.textContent.trim() : "";
    }
    function say(text) {
      announcer.textContent = "";
      window.setTimeout(function () { announcer.textContent = text; }, 30);
    }
    function claim(card) {
      return card.querySelector(".card-claim").textContent.trim();
    }
    function syncRadio(card) {
      var sideId = card.parentElement.getAttribute("data-zone-list");
      if (sideId) {
        card.classList.remove("is-unplaced");
        var flag = card.querySelector(".card-flag");
        if (flag) flag.remove();
      }
      card.querySelectorAll("input[type=radio]").forEach(function (radio) {
        radio.checked = radio.value === sideId;
      });
    }
    function handle(card) {
      return card.querySelector("[data-handle]");
    }
    function moveTo(card, list) {
      list.appendChild(card);
      syncRadio(card);
      handle(card).focus();
    }

    // A board sent back unfinished keeps its placements: put each chosen card under its side.
    form.querySelectorAll("input[type=radio]:checked").forEach(function (radio) {
      var list = form.querySelector('[data-zone-list="' + radio.value + '"]');
      if (list) list.appendChild(radio.closest("[data-card]"));
    });

    lists.forEach(function (list) {
      if (window.Sortable) {
        window.Sortable.create(list, {
          group: "cards-" + form.getAttribute("action"),
          animation: window.matchMedia("(prefers-reduced-motion: reduce)").matches ? 0 : 120,
          forceFallback: true, // pointer-event dragging: the same for mouse and touch
          fallbackTolerance: 4,
          delay: 120,
          delayOnTouchOnly: true, // a short press before a drag, so phones can still scroll
          filter: "input, label",
          preventOnFilter: false,
          onAdd: function (event) {
            syncRadio(event.item);
            say("Moved to " + zoneName(event.to) + ".");
          },
        });
      }
    });

    form.querySelectorAll("input[type=radio]").forEach(function (radio) {
      radio.addEventListener("change", function () {
        var card = radio.closest("[data-card]");
        var list = form.querySelector('[data-zone-list="' + radio.value + '"]');
        if (list && card.parentElement !== list) {
          list.appendChild(card);
          syncRadio(card);
          say("Put under " + zoneName(list) + ".");
          radio.focus();
        }
      });
    });

    form.addEventListener("keydown", function (event) {
      if (!event.target.hasAttribute || !event.target.hasAttribute("data-handle")) return;
      var card = event.target.closest("[data-card]");
      var index = lists.indexOf(card.parentElement);
      if (event.key === " " || event.key === "Spacebar") {
        event.preventDefault();
        if (held && held.card === card) {
          card.classList.remove("is-held");
          handle(card).setAttribute("aria-pressed", "false");
          held = null;
          say("Dropped under " + zoneName(card.parentElement) + ".");
        } else {
          held = { card: card, from: card.parentElement };
          card.classList.add("is-held");
          handle(card).setAttribute("aria-pressed", "true");
          say("Picked up: " + claim(card) + ". Use the left and right arrows to choose a side, Space to drop, Escape to cancel.");
        }
      } else if ((event.key === "ArrowRight" || event.key === "ArrowLeft") && held && held.card === card) {
        event.preventDefault();
        var next = index + (event.key === "ArrowRight" ? 1 : -1);
        if (next < 0) next = lists.length - 1;
        if (next >= lists.length) next = 0;
        moveTo(card, lists[next]);
        say(zoneName(lists[next]) + ".");
      } else if (event.key === "Escape" && held && held.card === card) {
        event.preventDefault();
        moveTo(card, held.from);
        card.classList.remove("is-held");
        handle(card).setAttribute("aria-pressed", "false");
        held = null;
        say("Cancelled. The card is back under " + zoneName(card.parentElement) + ".");
      }
    });

    // Only with JavaScript is the claim a control: a button that picks the card up.
    form.querySelectorAll("[data-handle]").forEach(function (claimText) {
      claimText.setAttribute("tabindex", "0");
      claimText.setAttribute("role", "button");
      claimText.setAttribute("aria-pressed", "false");
    });
  }

  function initAll(root) {
    (root || document).querySelectorAll("[data-sorter]").forEach(init);
  }
  document.addEventListener("DOMContentLoaded", function () { initAll(document); });
  document.addEventListener("htmx:load", function (event) { initAll(event.detail.elt.parentElement || document); });
})();
