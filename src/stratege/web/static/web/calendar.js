/* Stratège — the plan's calendar: FullCalendar (vendored) fed by the stored posts.
   Dragging a post asks the server what the move breaks; nothing is saved until the
   editor confirms a move that breaks something. No inline script: the page's settings
   come from the data-config attribute. */
(function () {
  "use strict";

  function csrfToken() {
    var input = document.querySelector("input[name=csrfmiddlewaretoken]");
    if (input) { return input.value; }
    var match = document.cookie.match(/(?:^|; )csrftoken=([^;]+)/);
    return match ? decodeURIComponent(match[1]) : "";
  }

  function wallClock(date) {
    function two(n) { return (n < 10 ? "0" : "") + n; }
    return date.getFullYear() + "-" + two(date.getMonth() + 1) + "-" + two(date.getDate()) +
      "T" + two(date.getHours()) + ":" + two(date.getMinutes());
  }

  function start() {
    var element = document.getElementById("calendar");
    if (!element || !window.FullCalendar) { return; }
    var config = JSON.parse(element.dataset.config);
    var words = document.getElementById("move-words").content.firstElementChild.dataset;
    var report = document.getElementById("move-report");
    var title = document.getElementById("move-title");
    var list = document.getElementById("move-problems");
    var anyway = document.getElementById("move-anyway");
    var cancel = document.getElementById("move-cancel");
    var pending = null;

    function show(text, problems, canForce) {
      title.textContent = text;
      list.replaceChildren();
      (problems || []).forEach(function (problem) {
        var item = document.createElement("li");
        item.textContent = problem;
        list.appendChild(item);
      });
      anyway.hidden = !canForce;
      cancel.hidden = !canForce;
      report.hidden = false;
    }

    function send(id, when, force) {
      var body = new URLSearchParams({ start: when });
      if (force) { body.set("force", "1"); }
      return fetch(config.move.replace("SLOT", encodeURIComponent(id)), {
        method: "POST",
        headers: { "X-CSRFToken": csrfToken(), "Accept": "application/json" },
        body: body,
        credentials: "same-origin"
      }).then(function (response) {
        return response.json().then(function (data) { return { ok: response.ok, data: data }; });
      });
    }

    var calendar = new FullCalendar.Calendar(element, {
      initialView: "dayGridMonth",
      initialDate: config.initialDate,
      validRange: config.validRange,
      locale: config.locale,
      firstDay: 1,
      headerToolbar: { start: "prev,next today", center: "title", end: "dayGridMonth,timeGridWeek,listWeek" },
      nowIndicator: true,
      slotMinTime: "06:00:00",
      slotMaxTime: "23:00:00",
      editable: config.editable,
      eventDurationEditable: false,
      events: { url: config.events, extraParams: config.filters },
      eventDrop: function (info) {
        var id = info.event.id;
        var when = wallClock(info.event.start);
        send(id, when, false).then(function (answer) {
          if (answer.data.saved) {
            show(words.saved, [], false);
            calendar.refetchEvents();
            return;
          }
          info.revert();
          if (!answer.ok) { show(words.failed, answer.data.problems, false); return; }
          pending = { id: id, when: when };
          show(words.refused, answer.data.problems, true);
          anyway.focus();
        }).catch(function () {
          info.revert();
          show(words.failed, [], false);
        });
      }
    });

    anyway.addEventListener("click", function () {
      if (!pending) { return; }
      send(pending.id, pending.when, true).then(function (answer) {
        pending = null;
        show(answer.data.saved ? words.saved : words.failed, answer.data.problems, false);
        calendar.refetchEvents();
      });
    });
    cancel.addEventListener("click", function () {
      pending = null;
      report.hidden = true;
    });
    calendar.render();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
