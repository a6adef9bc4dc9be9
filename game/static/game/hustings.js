// After htmx swaps in feedback or a new question, move keyboard and screen-reader focus to it.
// "Next question" shows the question that came with the feedback, without a round trip.
(function () {
  "use strict";
  function focusSwapped(root) {
    var target = root.querySelector ? root.querySelector(":not([hidden]) > [data-autofocus], [data-autofocus]:not([hidden] *)") : null;
    if (!target && root.matches && root.matches("[data-autofocus]")) target = root;
    if (target) {
      target.focus({ preventScroll: false });
      return;
    }
    var heading = root.querySelector ? root.querySelector("h1:not([hidden] *)") : null;
    if (heading) {
      heading.setAttribute("tabindex", "-1");
      heading.focus();
    }
  }
  // A row saved in place (a teacher's review page): focus goes back to the control that was used.
  var focused = null;
  document.addEventListener("htmx:beforeSwap", function (event) {
    var active = document.activeElement;
    focused = active && active.name && event.detail.target.contains(active) ? { name: active.name, value: active.value } : null;
  });
  document.addEventListener("htmx:afterSettle", function (event) {
    var row = event.detail.elt.closest && event.detail.elt.closest("[data-restore-focus]") || (
      event.detail.target && event.detail.target.isConnected ? null : document.getElementById(event.detail.target.id));
    if (!row && event.detail.target && event.detail.target.id) {
      var swapped = document.getElementById(event.detail.target.id);
      if (swapped && swapped.hasAttribute("data-restore-focus")) row = swapped;
    }
    if (row && row.hasAttribute && row.hasAttribute("data-restore-focus")) {
      // Only when the swap took the focus away: a teacher who has already moved on, even to another
      // field of the same row in the moment before the swap settled, keeps their place.
      var active = document.activeElement;
      var movedOn = active && active !== document.body && active.isConnected;
      if (focused && !movedOn) {
        var candidates = row.querySelectorAll('[name="' + focused.name + '"]');
        var match = Array.prototype.find.call(candidates, function (c) { return c.value === focused.value; }) || candidates[0];
        if (match) match.focus();
      }
      return;
    }
    // The projector redraws as players join and answer: the host's focus stays where it was.
    if (event.detail.elt.closest && event.detail.elt.closest("[data-keep-focus]")) return;
    focusSwapped(event.detail.elt);
  });
  document.addEventListener("click", function (event) {
    var link = event.target.closest ? event.target.closest("[data-show-next]") : null;
    if (!link) return;
    var play = link.closest("#play");
    var next = play && play.querySelector('[data-panel="next"]');
    if (!next) return; // no next panel: follow the link (a full page load)
    event.preventDefault();
    var feedback = play.querySelector('[data-panel="feedback"]');
    if (feedback) feedback.remove();
    next.hidden = false;
    next.removeAttribute("data-panel");
    focusSwapped(next);
  });
  document.addEventListener("click", function (event) {
    if (event.target.closest && event.target.closest("[data-print]")) window.print();
  });
  // Live game clocks: count down to a moment the server gave, corrected for this device's clock.
  // Each screen says the server's time when it was made; it arrives a little later, so each one
  // guesses the server's clock a little behind. The page keeps the best guess (the one least
  // behind), so its clock never runs backwards: options that have appeared stay up when a screen
  // made a moment before answers opened arrives late on a slow network.
  var offset = null;
  function serverTime(element) {
    if (!element.dataset.offsetRead) {
      element.dataset.offsetRead = "1";
      var guess = Number(element.dataset.serverNow) - Date.now();
      if (offset === null || guess > offset) offset = guess;
    }
    return Date.now() + offset;
  }
  function tick() {
    // When answers open: the reading pause's clock goes, the options and the time left appear.
    document.querySelectorAll("[data-until-open]").forEach(function (element) {
      element.hidden = serverTime(element) >= Number(element.dataset.untilOpen);
    });
    document.querySelectorAll("[data-after-open].is-waiting").forEach(function (element) {
      if (serverTime(element) < Number(element.dataset.afterOpen)) return;
      element.classList.remove("is-waiting");
      var screen = element.closest("[data-version]");
      var announcer = screen && screen.querySelector("[data-announcer]");
      if (announcer && element.dataset.announce) announcer.textContent = element.dataset.announce;  // for screen readers
    });
    document.querySelectorAll("[data-countdown]").forEach(function (clock) {
      var left = Number(clock.dataset.countdown) - serverTime(clock);
      clock.textContent = String(Math.max(0, Math.ceil(left / 1000)));
      // At 0, a live screen asks for its state (answers open; time is up), and asks again every 3 s
      // while the same clock is still showing (the server's clock may be a little behind).
      if (left <= 0 && clock.dataset.refreshAfter && Date.now() - Number(clock.dataset.asked || 0) > 3000) {
        clock.dataset.asked = String(Date.now());
        var wait = Number(clock.dataset.refreshAfter) + Math.random() * Number(clock.dataset.refreshJitter || 0);
        window.setTimeout(function () {
          var screen = clock.closest("[data-version]");
          if (document.contains(clock) && screen && window.htmx) window.htmx.trigger(screen, "refresh");
        }, wait);
      }
    });
  }
  window.setInterval(tick, 250);
  document.addEventListener("htmx:afterSwap", tick);  // before the new screen is drawn
  document.addEventListener("htmx:afterSettle", tick);
  document.documentElement.classList.add("js");
})();
