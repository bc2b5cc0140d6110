/* Static web views of the course's exercises: no kernel, no network.
 *
 * Reflections autosave to this browser's localStorage (and only there); the self-check scores
 * answers with the same arithmetic as attachment_course/self_check.py; knowledge checks and
 * vignettes show feedback from data embedded in the page. Everything a reader types is inserted
 * as text (textContent), never as HTML.
 */
(function () {
  "use strict";

  var STORE_PREFIX = "attachment-course:";
  var REFLECTION_PREFIX = STORE_PREFIX + "reflection:";
  var SELF_CHECK_KEY = STORE_PREFIX + "self-checks";

  /* localStorage may be missing or refuse writes (private windows, full quota, disabled). */
  var storage = (function () {
    try {
      var probe = STORE_PREFIX + "probe";
      window.localStorage.setItem(probe, "1");
      window.localStorage.removeItem(probe);
      return window.localStorage;
    } catch (error) {
      return null;
    }
  })();

  function readJson(section) {
    var node = section.querySelector("script.ac-data");
    return node ? JSON.parse(node.textContent) : {};
  }

  function say(status, message, tone) {
    status.textContent = "";
    var text = document.createElement("span");
    text.className = "ac-" + (tone || "info");
    text.textContent = (tone === "error" ? "\u26A0 " : tone === "ok" ? "\u2714 " : "") + message;
    status.appendChild(text);
  }

  function timestamp() {
    return new Date().toISOString().replace(/\.\d{3}Z$/, "Z");
  }

  function download(filename, text) {
    var blob = new Blob([text], { type: "text/markdown;charset=utf-8" });
    var link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = filename;
    document.body.appendChild(link);
    link.click();
    setTimeout(function () {
      URL.revokeObjectURL(link.href);
      link.remove();
    }, 0);
  }

  function escapeMarkup(text) {
    return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  }

  /* ---------------------------------------------------------------- reflections */
  function savedReflections() {
    var found = [];
    if (!storage) return found;
    for (var i = 0; i < storage.length; i++) {
      var key = storage.key(i);
      if (key && key.indexOf(REFLECTION_PREFIX) === 0) {
        try {
          found.push(JSON.parse(storage.getItem(key)));
        } catch (error) {
          /* a damaged entry is left in place, untouched, and skipped */
        }
      }
    }
    return found.sort(function (a, b) { return a.id < b.id ? -1 : 1; });
  }

  /* All saved reflections; ``current`` (the box the reader is in) replaces its saved version, so
     text that could not be saved (too long, storage blocked) is still in the download. */
  function reflectionsMarkdown(current) {
    var lines = ["# My reflections", "", "Exported " + timestamp() + ". Private: kept on this device only.", ""];
    var entries = savedReflections().filter(function (entry) { return entry.id !== current.id; });
    if (current.text.trim()) entries.push(current);
    entries.sort(function (a, b) { return a.id < b.id ? -1 : 1; });
    entries.forEach(function (entry) {
      lines.push("## " + escapeMarkup(entry.title || entry.id), "", "*Saved " + entry.savedAt + "*", "",
                 escapeMarkup(entry.text), "");
    });
    return lines.join("\n");
  }

  function setUpReflection(section) {
    var data = readJson(section);
    var id = section.getAttribute("data-exercise-id");
    var box = section.querySelector("textarea");
    var status = section.querySelector(".ac-status");
    var key = REFLECTION_PREFIX + id;
    var confirmDelete = false;

    if (!storage) {
      say(status, "This browser is not letting the page store anything (a private window, perhaps), so " +
          "your words will not be kept after you leave. Use \u201CDownload my reflections\u201D to keep a copy.", "error");
    } else {
      try {
        var saved = JSON.parse(storage.getItem(key) || "null");
        if (saved && typeof saved.text === "string") {
          box.value = saved.text;
          say(status, "Your reflection from " + saved.savedAt + " is back. It is saved as you type.");
        }
      } catch (error) {
        say(status, "An earlier saved reflection here could not be read, so it was left as it was.", "error");
      }
    }

    var timer = null;
    function save() {
      var text = box.value;
      if (text.length > data.maxChars) {
        say(status, "This reflection is " + text.length.toLocaleString() + " characters long; the limit is " +
            data.maxChars.toLocaleString() + ". It is not being saved, and your text stays in the box: " +
            "shorten it, or download it now.", "error");
        return;
      }
      if (!storage) return;
      try {
        if (!text.trim()) {
          storage.removeItem(key);
          say(status, "The box is empty, so nothing is saved for this prompt.");
          return;
        }
        var entry = { id: id, title: data.title, text: text, savedAt: timestamp() };
        storage.setItem(key, JSON.stringify(entry));
        say(status, "Saved in this browser at " + entry.savedAt + ".", "ok");
      } catch (error) {
        say(status, "Could not save in this browser (" + error.name + "). Your text is still in the box; " +
            "download it to keep a copy.", "error");
      }
    }
    box.addEventListener("input", function () {
      confirmDelete = false;
      clearTimeout(timer);
      timer = setTimeout(save, 400);
    });
    box.addEventListener("blur", function () {
      clearTimeout(timer);
      save();
    });

    section.querySelector('[data-action="download"]').addEventListener("click", function () {
      save();
      var current = { id: id, title: data.title, text: box.value, savedAt: timestamp() };
      download("my-reflections.md", reflectionsMarkdown(current));
      say(status, "Your reflections were downloaded as my-reflections.md.", "ok");
    });
    section.querySelector('[data-action="delete"]').addEventListener("click", function () {
      if (!confirmDelete) {
        confirmDelete = true;
        say(status, "This deletes every reflection saved by this course in this browser. " +
            "Press \u201CDelete my reflections\u201D again to confirm.", "error");
        return;
      }
      confirmDelete = false;
      if (storage) {
        var keys = [];
        for (var i = 0; i < storage.length; i++) {
          var k = storage.key(i);
          if (k && k.indexOf(STORE_PREFIX) === 0) keys.push(k);
        }
        keys.forEach(function (k) { storage.removeItem(k); });
      }
      document.querySelectorAll("section.ac-reflection textarea").forEach(function (other) { other.value = ""; });
      say(status, "Every reflection and kept result from this course was deleted from this browser.", "ok");
    });
  }

  /* -------------------------------------------------------- knowledge checks */
  function optionFeedback(item, chosen, verdict, feedback) {
    var node = item.querySelector(".ac-feedback");
    node.textContent = (chosen ? "Your choice. " : "") + verdict + " " + feedback;
    node.className = "ac-feedback " + (verdict.indexOf("\u2714") === 0 ? "ac-right" : "ac-wrong");
    node.hidden = false;
  }

  function setUpKnowledgeCheck(section) {
    var data = readJson(section);
    data.questions.forEach(function (question) {
      var fieldset = section.querySelector('fieldset[data-question-id="' + question.id + '"]');
      var status = fieldset.querySelector(".ac-status");
      fieldset.querySelector('[data-action="check"]').addEventListener("click", function () {
        var chosen = Array.prototype.map.call(fieldset.querySelectorAll("input:checked"), function (i) { return i.value; });
        if (!chosen.length) {
          say(status, "Choose an answer first.", "error");
          return;
        }
        var right = question.options.every(function (o) { return o.correct === (chosen.indexOf(o.id) >= 0); });
        question.options.forEach(function (o) {
          var item = fieldset.querySelector('li[data-option-id="' + o.id + '"]');
          optionFeedback(item, chosen.indexOf(o.id) >= 0,
                         o.correct ? "\u2714 Correct answer." : "\u2718 Not a correct answer.", o.feedback);
        });
        say(status, right ? "Right. The notes under each option say why." :
            "Not quite. Read the note under each option, then try again if you like.", right ? "ok" : "error");
      });
    });
  }

  /* ------------------------------------------------------------- vignettes */
  function setUpVignette(section) {
    var data = readJson(section);
    var fieldset = section.querySelector("fieldset");
    var status = fieldset.querySelector(".ac-status");
    fieldset.querySelector('[data-action="respond"]').addEventListener("click", function () {
      var picked = fieldset.querySelector("input:checked");
      if (!picked) {
        say(status, "Choose a response first.", "error");
        return;
      }
      data.options.forEach(function (o) {
        var item = fieldset.querySelector('li[data-option-id="' + o.id + '"]');
        var node = item.querySelector(".ac-feedback");
        node.hidden = o.id !== picked.value;
        node.textContent = o.approach + ". " + o.feedback;
        node.className = "ac-feedback " + (o.informed ? "ac-right" : "ac-wrong");
      });
      var option = data.options.filter(function (o) { return o.id === picked.value; })[0];
      say(status, option.approach + ": " + option.feedback, option.informed ? "ok" : "info");
      section.querySelector(".ac-takeaway").hidden = false;
    });
  }

  /* ------------------------------------------------------------ self-check */
  /* Same arithmetic as self_check.py: reverse = min + max - value; mean rounded half-up. */
  function meanToTwoDecimals(total, count) {
    return Math.floor(total * 100 / count + 0.5) / 100;
  }

  function scoreSelfCheck(data, relationship, answers) {
    var missing = [];
    data.items.forEach(function (item, index) {
      if (answers[item.id] === undefined || answers[item.id] === null) missing.push(index + 1);
    });
    if (missing.length) {
      throw new Error("Please answer statement" + (missing.length > 1 ? "s " : " ") + missing.join(", ") +
                      " before seeing a result.");
    }
    var totals = { anxiety: 0, avoidance: 0 }, counts = { anxiety: 0, avoidance: 0 };
    data.items.forEach(function (item) {
      var value = answers[item.id];
      if (value !== Math.floor(value) || value < data.scale.min || value > data.scale.max) {
        throw new Error("Item " + item.id + " has the answer " + value + "; allowed values are the whole numbers " +
                        data.scale.min + " to " + data.scale.max + ".");
      }
      totals[item.dimension] += item.reverse ? data.scale.min + data.scale.max - value : value;
      counts[item.dimension] += 1;
    });
    var anxiety = meanToTwoDecimals(totals.anxiety, counts.anxiety);
    var avoidance = meanToTwoDecimals(totals.avoidance, counts.avoidance);
    var midpoint = (data.scale.min + data.scale.max) / 2;
    var corner = { anxiety: anxiety >= midpoint ? "high" : "low", avoidance: avoidance >= midpoint ? "high" : "low" };
    var region = data.regions.filter(function (r) {
      return r.anxiety === corner.anxiety && r.avoidance === corner.avoidance;
    })[0];
    return {
      relationship: relationship, anxiety: anxiety, avoidance: avoidance, region: region.id,
      nearCentre: Math.min(Math.abs(anxiety - midpoint), Math.abs(avoidance - midpoint)) < data.nearCentreMargin,
      reflection: region.reflection, label: region.label
    };
  }

  function setUpSelfCheck(section) {
    var data = readJson(section);
    var status = section.querySelector(".ac-status");
    var marker = section.querySelector(".ac-marker");
    var keep = section.querySelector('[data-action="keep"]');
    var history = section.querySelector(".ac-history");
    var last = null;

    function answers() {
      var found = {};
      data.items.forEach(function (item) {
        var checked = section.querySelector('fieldset[data-item-id="' + item.id + '"] input:checked');
        if (checked) found[item.id] = Number(checked.value);
      });
      return found;
    }

    function showHistory() {
      if (!storage) return;
      var kept = JSON.parse(storage.getItem(SELF_CHECK_KEY) || "[]");
      if (!kept.length) { history.hidden = true; return; }
      history.textContent = "";
      var heading = document.createElement("p");
      heading.textContent = "Results you kept in this browser:";
      var list = document.createElement("ul");
      kept.forEach(function (r) {
        var li = document.createElement("li");
        li.textContent = r.savedAt.slice(0, 10) + " \u2014 " + (data.relationships[r.relationship] || r.relationship) +
          ": anxiety " + r.anxiety.toFixed(2) + ", avoidance " + r.avoidance.toFixed(2);
        list.appendChild(li);
      });
      history.appendChild(heading);
      history.appendChild(list);
      history.hidden = false;
    }

    section.querySelector('[data-action="score"]').addEventListener("click", function () {
      keep.disabled = true;
      var relationship = section.querySelector(".ac-relationship input:checked");
      try {
        last = scoreSelfCheck(data, relationship ? relationship.value : null, answers());
      } catch (error) {
        marker.hidden = true;
        say(status, error.message, "error");
        return;
      }
      var box = data.plotBox;
      var span = box.high - box.low;
      marker.style.left = (100 * (box.x0 + (last.avoidance - box.low) / span * box.width)) + "%";
      marker.style.top = (100 * (box.y0 + (box.high - last.anxiety) / span * box.height)) + "%";
      marker.hidden = false;
      status.textContent = "";
      var numbers = document.createElement("p");
      var strong = document.createElement("strong");
      strong.textContent = "For " + data.relationships[last.relationship].toLowerCase() + ": anxiety " +
        last.anxiety.toFixed(2) + ", avoidance " + last.avoidance.toFixed(2);
      numbers.appendChild(strong);
      numbers.appendChild(document.createTextNode(" (each on a scale of " + data.scale.min + " to " + data.scale.max +
        "). The point on the map below shows where that falls."));
      var reflection = document.createElement("p");
      reflection.textContent = last.reflection + (last.nearCentre ?
        " Your point is close to a line that divides the map, so small changes in your answers could move it to a " +
        "neighbouring region." : "");
      status.appendChild(numbers);
      status.appendChild(reflection);
      keep.disabled = !storage;
    });

    keep.addEventListener("click", function () {
      if (!last || !storage) return;
      try {
        var kept = JSON.parse(storage.getItem(SELF_CHECK_KEY) || "[]");
        kept.push({ relationship: last.relationship, anxiety: last.anxiety, avoidance: last.avoidance,
                    region: last.region, savedAt: timestamp() });
        storage.setItem(SELF_CHECK_KEY, JSON.stringify(kept));
        keep.disabled = true;
        showHistory();
      } catch (error) {
        say(status, "Could not keep the result in this browser (" + error.name + ").", "error");
      }
    });
    showHistory();
  }

  var setUp = {
    "reflection": setUpReflection,
    "knowledge-check": setUpKnowledgeCheck,
    "vignette": setUpVignette,
    "self-check": setUpSelfCheck
  };

  function start() {
    document.querySelectorAll("section.ac-exercise").forEach(function (section) {
      var kind = section.getAttribute("data-kind");
      if (setUp[kind]) setUp[kind](section);
    });
  }

  /* Exposed for the shared test vectors that compare this arithmetic with Python's. */
  window.attachmentCourse = { scoreSelfCheck: scoreSelfCheck };

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
