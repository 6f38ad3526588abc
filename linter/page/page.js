// newslint's page: the story in a text box, checked by the server it came from (nothing is
// loaded from anywhere else), shown as a reader sees it with each finding marked. A finding
// opens with its explanation, suggestions, a one-click fix, "ignore here" (a suppression
// comment in the story's own syntax) and, when the server was started on a repository whose
// configuration names a dictionary, "add to dictionary" (the server writes that file).
"use strict";

const info = JSON.parse(document.getElementById("newslint-info").textContent);
const token = new URLSearchParams(location.hash.slice(1)).get("token");
const $ = (id) => document.getElementById(id);
const source = $("source");
let result = null;
let selected = -1;
let timer = null;
let sent = 0;

function say(text, bad) {
  $("status").textContent = text;
  $("status").className = bad ? "bad" : "";
}

function headers(json) {
  const h = {"X-Newslint-Page": info.secret};
  if (json) h["Content-Type"] = "application/json";
  if (token) h["Authorization"] = "Bearer " + token;
  return h;
}

// The format the text is read as: chosen, or guessed from what it starts with.
function format() {
  const chosen = $("format").value;
  if (chosen !== "auto") return chosen;
  const t = source.value.trimStart();
  if (/^(---|\+\+\+)\s*\n/.test(t) || /^(#{1,6} |> |[-*] |\d+\. )/m.test(t) || /\[[^\]]+\]\([^)]+\)/.test(t)) {
    return /^(import|export) /m.test(t) || /<[A-Z][A-Za-z]*[\s/>]/.test(t) ? "mdx" : "markdown";
  }
  if (/^<(!doctype|html|p|div|article|h[1-6]|section)\b/i.test(t)) return "html";
  return "plain";
}

const FORMAT_NAMES = {plain: "plain text", markdown: "Markdown", mdx: "MDX", html: "HTML"};

async function check() {
  clearTimeout(timer);
  const text = source.value;
  const fmt = format();
  const mine = ++sent;
  if (!text.trim()) {
    result = null;
    render();
    say("");
    return;
  }
  say("Checking\u2026");
  let response;
  try {
    response = await fetch("/newslint/check", {method: "POST", headers: headers(true),
      body: JSON.stringify({text: text, language: $("language").value, level: "picky", format: fmt})});
  } catch (err) {
    say("The newslint server cannot be reached: " + err.message, true);
    return;
  }
  if (mine !== sent) return; // a newer check is on its way
  if (!response.ok) {
    say((await response.text()).replace(/^Error: /, ""), true);
    return;
  }
  result = await response.json();
  result.text = text;
  result.format = fmt;
  selected = -1;
  render();
  const n = result.matches.length;
  say(n ? "Read as " + FORMAT_NAMES[fmt] + ". Click a marked word for what newslint found."
        : "Read as " + FORMAT_NAMES[fmt] + ". Nothing found.");
}

function plural(n, word) {
  return n + " " + (n === 1 ? word : word === "story" ? "stories" : word + "s");
}

function render() {
  const story = $("story"), list = $("findings");
  $("detail").hidden = true;
  list.textContent = "";
  if (!result) {
    story.textContent = "";
    $("summary").textContent = "";
    $("list-title").hidden = true;
    return;
  }
  story.innerHTML = result.story; // built and escaped by the server
  const counts = {error: 0, warning: 0, info: 0};
  result.matches.forEach((m, i) => {
    counts[m.newslint.severity]++;
    const li = document.createElement("li");
    li.dataset.i = i;
    const sev = document.createElement("span");
    sev.className = "sev " + m.newslint.severity;
    sev.textContent = m.newslint.severity;
    const where = document.createElement("span");
    where.className = "where";
    where.textContent = " " + m.newslint.line + ":" + m.newslint.column + " ";
    li.append(sev, where, document.createTextNode(m.message));
    li.addEventListener("click", () => select(i));
    list.append(li);
  });
  const parts = [];
  if (counts.error) parts.push(plural(counts.error, "error"));
  if (counts.warning) parts.push(plural(counts.warning, "warning"));
  if (counts.info) parts.push(counts.info + " info");
  $("summary").innerHTML = "";
  const b = document.createElement("b");
  b.textContent = result.matches.length ? plural(result.matches.length, "finding") : "No findings";
  $("summary").append(b, document.createTextNode(parts.length ? ": " + parts.join(", ") : ""));
  $("list-title").hidden = !result.matches.length;
  story.querySelectorAll("mark").forEach((mark) => {
    mark.addEventListener("click", () => select(Number(mark.dataset.i)));
    const m = result.matches[Number(mark.dataset.i)];
    mark.title = m.newslint.severity + ": " + m.message;
  });
}

function button(label, cls, action) {
  const b = document.createElement("button");
  b.type = "button";
  b.textContent = label;
  if (cls) b.className = cls;
  b.addEventListener("click", action);
  $("d-actions").append(b);
  return b;
}

function select(i) {
  const m = result.matches[i];
  selected = i;
  document.querySelectorAll("mark.selected").forEach((x) => x.classList.remove("selected"));
  const mark = document.querySelector('#story mark[data-i="' + i + '"]');
  if (mark) {
    mark.classList.add("selected");
    mark.scrollIntoView({block: "nearest"});
  }
  $("detail").hidden = false;
  $("d-sev").className = "sev " + m.newslint.severity;
  $("d-sev").textContent = m.newslint.severity;
  $("d-rule").textContent = m.rule.id;
  $("d-message").textContent = m.message;
  const span = result.text.slice(m.offset, m.offset + m.length);
  $("d-quote").textContent = span ? "\u201c" + span + "\u201d, line " + m.newslint.line
                                  : "At line " + m.newslint.line + ", column " + m.newslint.column;
  $("d-explain").textContent = result.rules[m.rule.id] || "";
  $("d-actions").textContent = "";
  m.replacements.forEach((r, k) => {
    const label = r.value === "" ? "Delete \u201c" + span.trim() + "\u201d" : "Replace with \u201c" + r.value + "\u201d";
    button(k === 0 ? "Fix: " + label : label, k === 0 ? "fix" : "", () => replace(m, r.value));
  });
  if (m.newslint.word) {
    button("Add \u201c" + m.newslint.word + "\u201d to the dictionary", "", () => addWord(m.newslint.word));
  }
  if (m.newslint.ignore) {
    button("Ignore here", "", () => ignore(m));
  }
  // place the card just below the story, where the reader is looking
  $("story").after($("detail"));
}

function edit(offset, length, text) {
  source.value = source.value.slice(0, offset) + text + source.value.slice(offset + length);
}

function replace(m, value) {
  if (source.value !== result.text) {
    say("The text changed since it was checked; check it again first.", true);
    return;
  }
  const before = result.text.slice(m.offset, m.offset + m.length);
  edit(m.offset, m.length, value);
  check().then(() => say(value === "" ? "Deleted \u201c" + before + "\u201d." : "Replaced \u201c" + before +
                                          "\u201d with \u201c" + value + "\u201d."));
}

function ignore(m) {
  if (source.value !== result.text) {
    say("The text changed since it was checked; check it again first.", true);
    return;
  }
  const ig = m.newslint.ignore;
  edit(ig.offset, 0, ig.text);
  check().then(() => say("Inserted " + ig.text.trim() + " in the story's text, above line " + m.newslint.line +
                         " (copy the story back to keep it)."));
}

async function addWord(word) {
  let response;
  try {
    response = await fetch("/newslint/dictionary", {method: "POST", headers: headers(true),
      body: JSON.stringify({word: word})});
  } catch (err) {
    say("The newslint server cannot be reached: " + err.message, true);
    return;
  }
  if (!response.ok) {
    say((await response.text()).replace(/^Error: /, ""), true);
    return;
  }
  const done = await response.json();
  await check();
  say((done.added ? "Added \u201c" : "\u201c") + done.word + (done.added ? "\u201d to " : "\u201d was already in ") +
      done.file + ".");
}

function where() {
  const p = $("where");
  p.textContent = info.dictionary
    ? "Repository " + info.repository + " \u2014 words you add are written to " + info.dictionary
    : "Configuration from " + info.repository + " \u2014 adding words is off (start newslint serve on a repository " +
      "whose configuration names a dictionary)";
}

source.addEventListener("input", () => {
  clearTimeout(timer);
  timer = setTimeout(check, 700);
});
$("check").addEventListener("click", check);
$("format").addEventListener("change", check);
$("language").addEventListener("change", check);
$("file").addEventListener("change", () => {
  const f = $("file").files[0];
  if (!f) return;
  const ext = (f.name.match(/\.[^.]+$/) || [""])[0].toLowerCase();
  const fmt = {".md": "markdown", ".markdown": "markdown", ".mdown": "markdown", ".mdx": "mdx", ".html": "html",
               ".htm": "html", ".txt": "plain", ".text": "plain"}[ext];
  if (fmt) $("format").value = fmt;
  f.text().then((t) => {
    source.value = t;
    check();
  });
});
where();
