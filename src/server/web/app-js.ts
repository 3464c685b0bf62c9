// The pages' one script, kept as a string so `dist` needs no copy step. It only enhances: every
// form works without it. It streams a check's progress from the API (SSE over a POST, read with
// fetch because EventSource cannot POST), sends feedback without a reload, and highlights the
// source a citation points at. It builds DOM with textContent only, never innerHTML.
// (No backticks or dollar-brace in the script: it lives inside a template literal; the one
// interpolation brings in the hidden characters displayText removes, so the live lists show
// titles and queries as the server's pages do.)
import { HIDDEN_CHARACTERS } from "../../text/display-text.js";

export const APP_JS = `"use strict";
(function () {
  /** Bidi controls and invisible characters (src/text/display-text.ts), never shown. */
  var HIDDEN = new RegExp(${JSON.stringify(HIDDEN_CHARACTERS.source)}, "gu");
  var STAGE_TEXT = {
    understand: "Understanding the input",
    plan: "Planning the searches",
    search: "Searching",
    read: "Reading the sources",
    select: "Selecting passages",
    assess: "Weighing each source",
    judge: "Reaching a verdict",
    write: "Writing the report",
    verify: "Verifying the citations"
  };
  /** API answers that mean "this server has no such endpoint": fall back to the plain form. */
  var NO_ENDPOINT = [404, 405, 415, 501];

  /** A signed-in page's CSRF token (a meta tag), sent with the script's writes. */
  function withCsrf(headers) {
    var meta = document.querySelector('meta[name="csrf-token"]');
    if (meta) headers["X-CSRF-Token"] = meta.getAttribute("content");
    return headers;
  }

  function tallyText(helpful, notHelpful) {
    if (helpful + notHelpful === 0) return "no ratings yet";
    return helpful + " yes · " + notHelpful + " no";
  }

  /** The JSON body of a check form: text, and web/llm/fresh as the server reads them. */
  function formBody(form) {
    var data = new FormData(form);
    var body = {};
    var text = data.get("text");
    if (typeof text === "string") body.text = text;
    ["web", "llm", "fresh"].forEach(function (name) {
      var values = data.getAll(name);
      if (values.indexOf("1") >= 0) body[name] = true;
      else if (values.indexOf("0") >= 0) body[name] = false;
    });
    return body;
  }

  /** Submits the form the ordinary way (the server waits for the check, then redirects). */
  function plainSubmit(form, submitter) {
    form.dataset.plain = "1";
    if (typeof form.requestSubmit === "function") {
      if (submitter) form.requestSubmit(submitter);
      else form.requestSubmit();
      return;
    }
    // Older browsers: submit() sends no button, so its name and value go as a hidden field.
    if (submitter && submitter.name) {
      var field = document.createElement("input");
      field.type = "hidden";
      field.name = submitter.name;
      field.value = submitter.value;
      form.appendChild(field);
    }
    form.submit();
  }

  function setBusy(form, busy) {
    form.dataset.busy = busy ? "1" : "";
    form.setAttribute("aria-busy", busy ? "true" : "false");
    Array.prototype.forEach.call(form.querySelectorAll("button"), function (b) {
      b.disabled = busy;
    });
  }

  /** Server-sent events from a fetch response: { type, data } for each complete event. */
  async function* sseEvents(response) {
    var reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    var buffer = "";
    for (;;) {
      var chunk = await reader.read();
      if (chunk.done) break;
      buffer += chunk.value.replace(/\\r\\n?/g, "\\n");
      var cut;
      while ((cut = buffer.indexOf("\\n\\n")) >= 0) {
        var block = buffer.slice(0, cut);
        buffer = buffer.slice(cut + 2);
        var type = "message";
        var data = [];
        block.split("\\n").forEach(function (line) {
          if (line === "" || line.charAt(0) === ":") return;
          var colon = line.indexOf(":");
          var field = colon < 0 ? line : line.slice(0, colon);
          var value = colon < 0 ? "" : line.slice(colon + 1).replace(/^ /, "");
          if (field === "event") type = value;
          else if (field === "data") data.push(value);
        });
        if (data.length > 0) yield { type: type, data: data.join("\\n") };
      }
    }
  }

  function item(list, text, attrs) {
    var li = document.createElement("li");
    li.textContent = String(text).replace(HIDDEN, "");
    Object.keys(attrs || {}).forEach(function (k) {
      li.setAttribute(k, attrs[k]);
    });
    list.appendChild(li);
    return li;
  }

  /** The progress panel of a page (rendered hidden by the server), filled as events arrive. */
  function progressView(panel) {
    var q = function (sel) {
      return panel.querySelector(sel);
    };
    var status = q("[data-status]");
    var error = q("[data-error]");
    var stages = q("[data-stages]");
    var queries = q("[data-queries]");
    var sources = q("[data-sources]");
    var hits = q("[data-hits]");
    var hitCount = 0;
    var say = function (text) {
      if (status) status.textContent = text;
    };
    return {
      start: function (text) {
        [stages, queries, sources].forEach(function (l) {
          if (l) l.textContent = "";
        });
        Array.prototype.forEach.call(panel.querySelectorAll("[data-section]"), function (li) {
          li.removeAttribute("data-state");
        });
        if (error) error.textContent = "";
        if (hits) hits.textContent = "";
        hitCount = 0;
        panel.hidden = false;
        say(text);
      },
      event: function (type, data) {
        if (type === "stage-started" && data.stage) {
          if (stages) item(stages, STAGE_TEXT[data.stage] || data.stage, { "data-stage": data.stage, "data-state": "running" });
          say((STAGE_TEXT[data.stage] || data.stage) + "…");
        } else if (type === "stage-done" && stages) {
          var li = stages.querySelector('[data-stage="' + String(data.stage).replace(/[^a-z-]/g, "") + '"]');
          if (li) li.setAttribute("data-state", "done");
        } else if (type === "query-planned" && data.query && queries) {
          item(queries, "\\u201C" + data.query.text + "\\u201D (" + data.query.intent + ")");
        } else if (type === "hit-found" && hits) {
          hitCount += 1;
          hits.textContent = hitCount + (hitCount === 1 ? " search result" : " search results");
        } else if (type === "source-read" && data.source && sources) {
          var s = data.source;
          item(sources, "[" + s.n + "] " + s.title + (s.publisher ? " — " + s.publisher : ""));
        } else if (type === "section-written") {
          var sec = panel.querySelector('[data-section="' + String(data.section).replace(/[^a-zA-Z]/g, "") + '"]');
          if (sec) sec.setAttribute("data-state", "done");
        } else if (type === "check-failed" && data.message) {
          say("The check failed: " + data.message);
        }
      },
      say: say,
      fail: function (message) {
        say("The check did not finish.");
        if (error) error.textContent = message;
      }
    };
  }

  function idOf(json) {
    if (!json || typeof json !== "object") return undefined;
    return json.id || json.checkId || (json.check && json.check.id) || undefined;
  }

  /** Opens the check: data-done with {id} and {n} (the version made) filled in. */
  function finish(form, view, id, n) {
    view.say("Done. Opening the check…");
    var done = (form.dataset.done || "/check/{id}")
      .replace("{id}", encodeURIComponent(id))
      .replace("{n}", String(n || ""));
    var url = new URL(done, window.location.href);
    var here = window.location;
    if (url.pathname === here.pathname && url.search === here.search) {
      // Only the fragment differs: assigning would scroll, not load the new version.
      here.hash = url.hash;
      here.reload();
    } else {
      here.assign(url.href);
    }
  }

  /** Starts a check (or refresh) through the API and shows its progress as it streams. */
  async function streamForm(form, submitter) {
    if (form.dataset.busy === "1") return;
    var panel = document.getElementById(form.dataset.progress || "");
    if (!panel) return plainSubmit(form, submitter);
    var view = progressView(panel);
    setBusy(form, true);
    view.start("Starting…");
    var response;
    try {
      response = await fetch(form.dataset.stream, {
        method: "POST",
        headers: withCsrf({ "Content-Type": "application/json", Accept: "text/event-stream" }),
        body: JSON.stringify(formBody(form)),
        credentials: "same-origin"
      });
    } catch (e) {
      view.say("Checking… the page will open when the check is done.");
      setBusy(form, false);
      return plainSubmit(form, submitter);
    }
    var type = response.headers.get("content-type") || "";
    if (response.ok && type.indexOf("text/event-stream") === 0 && response.body) {
      var acceptedId;
      var finishedId;
      try {
        for await (var ev of sseEvents(response)) {
          var data;
          try {
            data = JSON.parse(ev.data);
          } catch (e) {
            continue;
          }
          if (ev.type === "done") return finish(form, view, data.id || finishedId || acceptedId, data.n);
          if (ev.type === "error") {
            view.fail((data.error && data.error.message) || "Something went wrong.");
            return setBusy(form, false);
          }
          if (ev.type === "job-accepted" && data.id) acceptedId = data.id;
          if (ev.type === "check-done" && data.version) finishedId = data.version.checkId;
          view.event(ev.type, data);
        }
      } catch (e) {
        // The connection dropped; the check may still finish on the server.
      }
      // The version was stored even if the last event was lost.
      if (finishedId) return finish(form, view, finishedId);
      view.fail("The connection closed before the check finished. Try again in a moment.");
      return setBusy(form, false);
    }
    if (type.indexOf("json") >= 0 && NO_ENDPOINT.indexOf(response.status) < 0) {
      var json = await response.json().catch(function () {
        return null;
      });
      if (response.ok && idOf(json)) return finish(form, view, idOf(json));
      if (!response.ok && json && json.error && json.error.message) {
        view.fail(json.error.message);
        return setBusy(form, false);
      }
    }
    view.say("Checking… the page will open when the check is done.");
    setBusy(form, false);
    plainSubmit(form, submitter);
  }

  /** Rates the version through the API and shows the new tally. */
  async function sendFeedback(form, submitter) {
    var helpful = submitter ? submitter.value : "";
    if ((helpful !== "yes" && helpful !== "no") || form.dataset.busy === "1") return plainSubmit(form, submitter);
    var tally = document.getElementById(form.dataset.tally || "");
    var message = form.querySelector("[data-message]");
    var payload = { helpful: helpful === "yes", version: Number(form.dataset.version) };
    var comment = form.elements.namedItem("comment");
    if (comment && comment.value.trim() !== "") payload.comment = comment.value.trim();
    setBusy(form, true);
    var response;
    try {
      response = await fetch(form.dataset.feedback, {
        method: "POST",
        headers: withCsrf({ "Content-Type": "application/json", Accept: "application/json" }),
        body: JSON.stringify(payload),
        credentials: "same-origin"
      });
    } catch (e) {
      setBusy(form, false);
      return plainSubmit(form, submitter);
    }
    if (NO_ENDPOINT.indexOf(response.status) >= 0) {
      setBusy(form, false);
      return plainSubmit(form, submitter);
    }
    var json = await response.json().catch(function () {
      return null;
    });
    if (!response.ok) {
      setBusy(form, false);
      if (message) message.textContent = (json && json.error && json.error.message) || "Your rating could not be saved.";
      return;
    }
    if (tally) {
      var t = json && json.tally;
      var yes = t && typeof t.helpful === "number" ? t.helpful : Number(tally.dataset.helpful || 0) + (payload.helpful ? 1 : 0);
      var no = t && typeof t.notHelpful === "number" ? t.notHelpful : Number(tally.dataset.notHelpful || 0) + (payload.helpful ? 0 : 1);
      tally.dataset.helpful = String(yes);
      tally.dataset.notHelpful = String(no);
      tally.textContent = tallyText(yes, no);
    }
    if (comment) comment.value = "";
    if (message) message.textContent = "Thank you: your rating was recorded.";
    setBusy(form, false);
  }

  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!(form instanceof HTMLFormElement) || form.dataset.plain === "1") return;
    if (form.dataset.stream) {
      event.preventDefault();
      streamForm(form, event.submitter);
    } else if (form.dataset.feedback) {
      event.preventDefault();
      sendFeedback(form, event.submitter);
    }
  });

  // Enter sends the question (as in a search box); Shift+Enter still starts a new line.
  document.addEventListener("keydown", function (event) {
    var field = event.target;
    if (event.key !== "Enter" || event.shiftKey || event.isComposing) return;
    if (!(field instanceof HTMLTextAreaElement) || field.id !== "text" || !field.form) return;
    event.preventDefault();
    var button = field.form.querySelector("button[type=submit]");
    if (field.form.requestSubmit) field.form.requestSubmit(button || undefined);
    else field.form.submit();
  });

  // A citation moves focus to its source too, so keyboard and screen-reader users land on it.
  document.addEventListener("click", function (event) {
    var link = event.target instanceof Element ? event.target.closest("a.cite") : null;
    if (!link || !link.hash) return;
    var target = document.getElementById(decodeURIComponent(link.hash.slice(1)));
    if (!target) return;
    Array.prototype.forEach.call(document.querySelectorAll(".is-highlighted"), function (el) {
      el.classList.remove("is-highlighted");
    });
    target.classList.add("is-highlighted");
    window.requestAnimationFrame(function () {
      target.focus({ preventScroll: true });
    });
  });
})();
`;
