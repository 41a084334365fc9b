/* Recordings that load on request, and caption lines that seek.
 *
 * Until a person presses "Play the recording", the page holds only a poster (title, duration) and a
 * button: no request goes to YouTube or Vimeo, not even for a thumbnail. Pressing the button replaces
 * the poster with the provider's privacy-enhanced player (youtube-nocookie.com, or Vimeo with dnt=1).
 * The embed address asks the player to start at once (autoplay=1): the person has just asked for it,
 * and otherwise they would have to press play a second time inside a frame that is hard to reach by
 * keyboard. Nothing plays without that press. Without JavaScript the button stays hidden and the
 * plain link to the recording on the provider's site is the way to watch.
 *
 * The caption lines under a recording carry their start time (data-hub-seek, in seconds). Each time
 * becomes a button that plays a self-hosted video from there; for YouTube or Vimeo it does so only once
 * the person has loaded the player, through the player's own message API (postMessage), so pressing a
 * time never contacts a provider by itself. Its words come from the message catalog (javascripts/i18n.js).
 */
(function () {
  "use strict";

  var t = window.hubT;

  function load(player, button) {
    var address = player.getAttribute("data-embed");
    if (!address || address.indexOf("https://") !== 0) {
      return;
    }
    var frame = document.createElement("iframe");
    frame.src = address;
    frame.title = player.getAttribute("data-title") || t("Video player");
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

  // Ask a loaded YouTube or Vimeo frame to play from `seconds`; false when no provider player is loaded.
  function seekFrame(frame, seconds) {
    if (!frame || !frame.contentWindow) {
      return false;
    }
    var origin = new URL(frame.src).origin;
    if (origin.indexOf("youtube") >= 0) {
      frame.contentWindow.postMessage(JSON.stringify({ event: "command", func: "seekTo", args: [seconds, true] }), origin);
      frame.contentWindow.postMessage(JSON.stringify({ event: "command", func: "playVideo", args: [] }), origin);
    } else {
      frame.contentWindow.postMessage(JSON.stringify({ method: "setCurrentTime", value: seconds }), origin);
      frame.contentWindow.postMessage(JSON.stringify({ method: "play" }), origin);
    }
    return true;
  }

  function seek(section, seconds, status) {
    var video = section.querySelector("video");
    if (video) {
      video.currentTime = seconds;
      video.play();
      return;
    }
    if (!seekFrame(section.querySelector("iframe.hub-player__frame"), seconds)) {
      status.textContent = t("Press “Play the recording” first; then a time plays from there.");
    }
  }

  function enableCues(section) {
    var times = section.querySelectorAll("[data-hub-seek]");
    if (!times.length) {
      return;
    }
    var status = document.createElement("p");
    status.className = "hub-meta";
    status.setAttribute("role", "status");
    section.querySelector(".hub-cues").appendChild(status);
    Array.prototype.forEach.call(times, function (time) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "hub-cue__time";
      button.textContent = time.textContent;
      button.setAttribute("aria-label", t("Play from %(time)s", { time: time.textContent }));
      var seconds = Number(time.getAttribute("data-hub-seek"));
      button.addEventListener("click", function () {
        status.textContent = "";
        seek(section, seconds, status);
      });
      time.replaceWith(button);
    });
  }

  function start() {
    var players = document.querySelectorAll("[data-hub-player]");
    for (var i = 0; i < players.length; i += 1) {
      enable(players[i]);
    }
    Array.prototype.forEach.call(document.querySelectorAll(".hub-recording"), enableCues);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
