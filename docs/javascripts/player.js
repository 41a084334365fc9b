/* Recordings that load on request.
 *
 * Until a person presses "Play the recording", the page holds only a poster (title, duration) and a
 * button: no request goes to YouTube or Vimeo, not even for a thumbnail. Pressing the button replaces
 * the poster with the provider's privacy-enhanced player (youtube-nocookie.com, or Vimeo with dnt=1).
 * The embed address asks the player to start at once (autoplay=1): the person has just asked for it,
 * and otherwise they would have to press play a second time inside a frame that is hard to reach by
 * keyboard. Nothing plays without that press. Without JavaScript the button stays hidden and the
 * plain link to the recording on the provider's site is the way to watch.
 */
(function () {
  "use strict";

  function load(player, button) {
    var address = player.getAttribute("data-embed");
    if (!address || address.indexOf("https://") !== 0) {
      return;
    }
    var frame = document.createElement("iframe");
    frame.src = address;
    frame.title = player.getAttribute("data-title") || "Video player";
    frame.className = "hub-player__frame";
    frame.setAttribute("allow", "autoplay; fullscreen; picture-in-picture; encrypted-media");
    frame.setAttribute("allowfullscreen", "");
    frame.setAttribute("referrerpolicy", "strict-origin-when-cross-origin");
    player.classList.add("hub-player--loaded");
    button.replaceWith(frame);
    frame.focus();
  }

  function enable(player) {
    var button = player.querySelector(".hub-player__play");
    if (!button || player.getAttribute("data-hub-ready") === "1") {
      return;
    }
    player.setAttribute("data-hub-ready", "1");
    button.hidden = false;
    button.addEventListener("click", function () {
      load(player, button);
    });
  }

  function start() {
    var players = document.querySelectorAll("[data-hub-player]");
    for (var i = 0; i < players.length; i += 1) {
      enable(players[i]);
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
