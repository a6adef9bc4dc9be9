// Live games: a screen hears "changed" over Server-Sent Events (htmx's SSE extension, `sse:changed`
// on the screen) and fetches its state, or is handed its new screen (`screen`, swapped by htmx). On
// each (re)connect the stream says the game's version: a screen that is behind fetches its state. While its stream is down (connecting, asleep, a server or
// proxy that cannot stream) it polls every 2 s instead. The stream's heartbeat (every 15 s)
// carries the last version it announced: a screen showing an older one fetches its state, and a
// screen that has heard nothing for 40 s treats its stream as down.
(function () {
  "use strict";
  var POLL_MS = 2000;
  var SILENCE_MS = 40000;

  function holderOf(element) {
    return element && element.closest ? element.closest("[data-live-stream]") : null;
  }
  function refresh(holder) {
    var screen = holder.querySelector("[data-version]");
    if (screen && window.htmx) window.htmx.trigger(screen, "refresh");
  }

  document.addEventListener("htmx:sseOpen", function (event) {
    var holder = holderOf(event.target);
    if (!holder) return;
    holder.dataset.stream = "open";
    holder.liveHeard = Date.now();
    var source = event.detail.source;
    if (source.liveWatched) return;
    source.liveWatched = true;
    function heard() { holder.liveHeard = Date.now(); }
    source.addEventListener("changed", heard);
    source.addEventListener("screen", heard);
    function catchUp(message, always) {
      heard();
      var screen = holder.querySelector("[data-version]");
      var behind = message.data ? Number(message.data) > Number(screen && screen.dataset.version) : always;
      if (behind) refresh(holder);
    }
    // Connected: unknown version (empty) means fetch; a heartbeat with none means nothing moved yet.
    source.addEventListener("connected", function (message) { catchUp(message, true); });
    source.addEventListener("heartbeat", function (message) { catchUp(message, false); });
  });
  document.addEventListener("htmx:sseError", function (event) {
    var holder = holderOf(event.target);
    if (holder) holder.dataset.stream = "down";
  });
  // A fetch that left before a newer screen was pushed must not put the older one back.
  document.addEventListener("htmx:beforeSwap", function (event) {
    var target = event.detail.target;
    if (!target || !target.matches || !target.matches("[data-live-stream] [data-version]")) return;
    var found = /data-version="(\d+)"/.exec(event.detail.serverResponse || "");
    if (found && Number(found[1]) < Number(target.dataset.version)) event.detail.shouldSwap = false;
  });
  window.setInterval(function () {
    document.querySelectorAll("[data-live-stream]").forEach(function (holder) {
      var streaming = holder.dataset.stream === "open" && Date.now() - (holder.liveHeard || 0) < SILENCE_MS;
      if (!streaming) refresh(holder);
    });
  }, POLL_MS);
})();
// The projector's full-screen button (shown only where the browser allows full screen).
(function () {
  "use strict";
  var button = document.querySelector("[data-fullscreen]");
  if (!button || !document.fullscreenEnabled) return;
  button.hidden = false;
  function label() { button.textContent = document.fullscreenElement ? "Leave full screen" : "Full screen"; }
  button.addEventListener("click", function () {
    if (document.fullscreenElement) document.exitFullscreen();
    else document.documentElement.requestFullscreen().catch(function () {});
  });
  document.addEventListener("fullscreenchange", label);
})();
