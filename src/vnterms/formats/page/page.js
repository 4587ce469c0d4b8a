"use strict";
// The page's search: the rules of vnterms.lookup (same scores, same rank order) on keys that
// `vnterms build` computed for every term; only the query's keys are computed here.
(function () {
  const DATA = JSON.parse(document.getElementById("vnterms-data").textContent);
  const RULES = DATA.rules;
  const STOPWORDS = new Set(DATA.stopwords);
  const ACRONYMS = new Set(DATA.acronyms);
  const STATUS_RANK = { preferred: 0, admitted: 1, draft: 2, deprecated: 3 };
  const FUZZY_THRESHOLD = 0.82;
  const TYPO_CEILING = DATA.typo_ceiling;
  const MAX_QUERY_LENGTH = 1000;
  const PAGE = 20;

  // --- Keys: fold and compact give what vnterms.fold and vnterms.compact give.
  const FOLD = new Map();
  for (const [start, values] of DATA.fold) values.forEach((v, i) => FOLD.set(start + i, v));
  const ASCII = [];
  for (let c = 0; c < 128; c++) {
    const ch = String.fromCharCode(c);
    ASCII.push(/[0-9a-z]/.test(ch) ? ch : /[A-Z]/.test(ch) ? ch.toLowerCase() : " ");
  }
  const IGNORED = /^[\p{M}\p{Cf}]$/u;
  const SPACE = /^\s$/u;

  function foldOther(ch) {
    // outside the table: marks and format characters vanish, letters lose their marks
    if (IGNORED.test(ch)) return "";
    if (SPACE.test(ch)) return " ";
    const bare = ch.normalize("NFKD").replace(/\p{M}/gu, "");
    return /^[\x00-\x7f]*$/.test(bare) ? Array.from(bare, (c) => ASCII[c.charCodeAt(0)]).join("") : " ";
  }

  function foldParts(text) {
    let out = "";
    for (const ch of text) {
      const code = ch.codePointAt(0);
      if (code < 128) out += ASCII[code];
      else {
        const known = FOLD.get(code);
        out += known === undefined ? foldOther(ch) : known;
      }
    }
    return out;
  }
  const fold = (text) => foldParts(text).split(" ").filter(Boolean).join(" ");
  const compact = (text) => foldParts(text).replace(/ /g, "");

  // The diacritic key of a query: NFC, lower case, punctuation and symbols as spaces. Terms hold
  // theirs in both tone styles, so a query in either style meets them.
  function diacriticKey(text) {
    return text.normalize("NFC").replace(/\p{Cf}/gu, "").toLowerCase()
      .replace(/[\p{P}\p{S}\s]+/gu, " ").trim();
  }
  const hasDiacritics = (word) => /[\p{M}đĐðÐɖƉ]/u.test(word.normalize("NFD"));

  function stripOptional(folded) {
    let padded = " " + folded + " ";
    for (const phrase of DATA.optional) padded = padded.split(" " + phrase + " ").join(" ");
    return padded.split(" ").filter(Boolean).join(" ");
  }

  // Python's round(): halves go to the even neighbour.
  function pyRound(x) {
    const r = Math.round(x);
    return Math.abs(x % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
  }

  // difflib.SequenceMatcher(None, a, b).ratio(), for b shorter than 200 (no automatic junk).
  function ratio(a, b) {
    const b2j = new Map();
    for (let j = 0; j < b.length; j++) {
      if (!b2j.has(b[j])) b2j.set(b[j], []);
      b2j.get(b[j]).push(j);
    }
    let matched = 0;
    const queue = [[0, a.length, 0, b.length]];
    while (queue.length) {
      const [alo, ahi, blo, bhi] = queue.pop();
      let besti = alo, bestj = blo, best = 0, lengths = new Map();
      for (let i = alo; i < ahi; i++) {
        const next = new Map();
        for (const j of b2j.get(a[i]) || []) {
          if (j < blo) continue;
          if (j >= bhi) break;
          const k = (lengths.get(j - 1) || 0) + 1;
          next.set(j, k);
          if (k > best) { besti = i - k + 1; bestj = j - k + 1; best = k; }
        }
        lengths = next;
      }
      if (best) {
        matched += best;
        if (alo < besti && blo < bestj) queue.push([alo, besti, blo, bestj]);
        if (besti + best < ahi && bestj + best < bhi) queue.push([besti + best, ahi, bestj + best, bhi]);
      }
    }
    const total = a.length + b.length;
    return total ? (2 * matched) / total : 1;
  }

  // --- The index, built once from the data.
  const concepts = DATA.concepts.map((c, place) => ({
    place, id: c[0], category: DATA.categories[c[1]] || "", draft: c[2] === 1, parent: c[3],
    definition: c[4], note: c[5], sources: c[6],
    terms: c[7].map((t) => ({
      text: t[0], lang: t[1], kind: DATA.kinds[t[2]], status: DATA.statuses[t[3]], note: t[4],
      sources: t[5], fold: t[6], reduced: t[7] === "" ? t[6] : t[7],
      keys: t[8].map((k) => (k === "" ? t[6] : k)),
    })),
  }));
  const byId = new Map(concepts.map((c) => [c.id, c]));
  const terms = [];
  for (const concept of concepts) for (const term of concept.terms) terms.push([concept, term]);
  const N = concepts.length;
  const ranks = terms.map(([c, t]) => (STATUS_RANK[t.status] ?? 9) * N + c.place);

  // The rules' tables, built on the first query or when the browser is idle after the first
  // results are shown, whichever comes first (the lazy ones below likewise).
  let tables = null, words = null;
  const add = (map, key, i) => {
    const list = map.get(key);
    if (list === undefined) map.set(key, [i]);
    else if (list[list.length - 1] !== i) list.push(i);
  };
  function buildIndex() {
    if (tables) return;
    tables = {
      exact: new Map(), "case-and-style": new Map(), "without-diacritics": new Map(),
      spacing: new Map(), "without-un-or-the": new Map(), "acronym-as-word": new Map(),
    };
    words = new Map();
    terms.forEach(([, term], i) => {
      add(tables.exact, term.text, i);
      if (term.kind === "abbreviation" && ACRONYMS.has(term.fold)) {
        add(tables["acronym-as-word"], term.fold, i);
        return;
      }
      // the other forms share the list of the first, later terms of that key included
      const [key, ...aliases] = term.keys;
      add(tables["case-and-style"], key, i);
      const same = tables["case-and-style"].get(key);
      for (const alias of aliases) tables["case-and-style"].set(alias, same);
      add(tables["without-diacritics"], term.fold, i);
      add(tables.spacing, term.fold.replace(/ /g, ""), i);
      add(tables["without-un-or-the"], term.reduced, i);
      for (const word of term.fold.split(" ")) if (word && !STOPWORDS.has(word)) add(words, word, i);
    });
  }
  let sortedFolds = null, vocabulary = null, sortedWords = null;
  const lazySortedFolds = () => sortedFolds || (sortedFolds = [...tables["without-diacritics"]]
    .flatMap(([key, found]) => found.map((i) => [key, i]))
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1])));
  const lazySortedWords = () => sortedWords || (sortedWords = [...words.keys()].sort());
  function deletions(word) {
    const out = new Set([word]);
    for (let i = 0; i < word.length; i++) out.add(word.slice(0, i) + word.slice(i + 1));
    return out;
  }
  function lazyVocabulary() {
    if (vocabulary) return vocabulary;
    vocabulary = new Map();
    for (const word of words.keys()) {
      if (word.length > 3 && /^[a-z]+$/.test(word)) {
        for (const d of deletions(word)) add(vocabulary, d, word);
      }
    }
    return vocabulary;
  }
  function termKeyWords(i) {
    const term = terms[i][1];
    if (!term.keyWords) {
      term.keyWords = new Set(term.keys.join(" ").split(" "));
      term.foldWords = new Set(term.fold.split(" "));
    }
    return term;
  }
  // A query's marked words agree with a term when the term has each of them with the same
  // marks, or does not have it at all.
  function marksAgree(marks, i) {
    const term = termKeyWords(i);
    return marks.every((w) => term.keyWords.has(w) || !term.foldWords.has(fold(w)));
  }

  // --- The rules, best first, as in vnterms.lookup.Index._rules.
  function batch(rule, found, marks) {
    const hits = [];
    for (const i of found) {
      if (marks && marks.length && !marksAgree(marks, i)) continue;
      const abbreviation = terms[i][1].kind === "abbreviation";
      const named = rule === "exact" || rule === "acronym-as-word" || !abbreviation ? rule : "abbreviation";
      hits.push([RULES[named], named, i]);
    }
    return hits;
  }

  // The terms with a word that starts with `start` (of the first 200 such words).
  function startingWith(start) {
    const list = lazySortedWords();
    let lo = 0, hi = list.length;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (list[mid] < start) lo = mid + 1; else hi = mid; }
    const union = new Set();
    for (let k = lo; k < list.length && list[k].startsWith(start) && k < lo + 200; k++) {
      for (const i of words.get(list[k])) union.add(i);
    }
    return [...union].sort((a, b) => a - b);
  }

  // The numbers in every one of `lists` (each ascending, without repeats), ascending.
  function intersect(lists) {
    const [first, ...others] = [...lists].sort((a, b) => a.length - b.length);
    let hits = first;
    for (const list of others) {
      if (!hits.length) break;
      const keep = new Set(hits);
      hits = list.filter((i) => keep.has(i));
    }
    return hits;
  }

  // A term's content words (not stopwords) and how many differ, kept once computed.
  function contentOf(i) {
    const term = terms[i][1];
    if (!term.content) {
      const content = term.fold.split(" ").filter((w) => !STOPWORDS.has(w));
      term.content = { words: content, size: new Set(content).size };
    }
    return term.content;
  }

  // With `partial`, the last query word is a beginning: any (content) word starting so will do.
  function allWords(queryWords, partial, marks) {
    if (queryWords.length < 2) return [];
    const whole = partial ? queryWords.slice(0, -1) : queryWords;
    const last = queryWords[queryWords.length - 1];
    let hits = intersect(whole.map((w) => words.get(w) || []));
    if (partial) hits = hits.filter((i) => contentOf(i).words.some((w) => w.startsWith(last)));
    const distinct = new Set(queryWords).size;
    const out = [];
    for (const i of hits) {
      if (marks.length && !marksAgree(marks, i)) continue;
      const coverage = distinct / Math.max(contentOf(i).size, 1);
      out.push([RULES.prefix + pyRound((RULES["all-words"] - RULES.prefix) * coverage), "all-words", i]);
    }
    return out;
  }

  // vnterms.lookup.typo_score: a near match scores by its similarity, up to the ceiling
  function typoScore(similarity) {
    return Math.max(0, Math.min(TYPO_CEILING, pyRound(100 - 300 * (1 - similarity))));
  }

  function prefix(folded, marks) {
    if (folded.length < 3) return [];
    const list = lazySortedFolds();
    let lo = 0, hi = list.length;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (list[mid][0] < folded) lo = mid + 1; else hi = mid; }
    const out = [];
    for (let k = lo; k < Math.min(lo + 50, list.length); k++) {
      const [key, i] = list[k];
      if (!key.startsWith(folded)) break;
      if (marks.length && !marksAgree(marks, i)) continue;
      // a query that lacks only a letter or two of the term scores as a typo would
      const typed = RULES.fuzzy + pyRound((10 * folded.length) / key.length);
      out.push([Math.max(typed, typoScore((2 * folded.length) / (folded.length + key.length))),
        "prefix", i]);
    }
    return out;
  }

  function fuzzy(queryWords, marks) {
    const options = [];
    for (const word of queryWords) {
      if (words.has(word)) {  // a plural "s" more or less is a typo too ("Human Right Council")
        const forms = [word, word + "s", word.endsWith("s") ? word.slice(0, -1) : ""];
        options.push(forms.filter((form) => words.has(form)).map((form) => words.get(form)));
        continue;
      }
      const near = new Set();
      for (const d of deletions(word)) for (const w of lazyVocabulary().get(d) || []) near.add(w);
      if (!near.size) return [];
      options.push([...near].sort().map((w) => words.get(w)));
    }
    if (!options.length) return [];
    const size = (postings) => postings.reduce((n, p) => n + p.length, 0);
    options.sort((a, b) => size(a) - size(b));
    let hits = new Set(options[0].flat());
    for (const postings of options.slice(1)) {
      const keep = new Set(postings.flat());
      hits = new Set([...hits].filter((i) => keep.has(i)));
      if (!hits.size) return [];
    }
    const query = queryWords.join(" ");
    const numbered = queryWords.some((w) => /^\d+$/.test(w));
    const ratios = new Map();
    const out = [];
    for (const i of [...hits].sort((a, b) => a - b)) {
      let content = stripOptional(terms[i][1].fold).split(" ").filter((w) => w && !STOPWORDS.has(w));
      if (!numbered) content = content.filter((w) => !/^\d+$/.test(w));
      const text = content.join(" ");
      if (!ratios.has(text)) ratios.set(text, ratio(text, query));
      const r = ratios.get(text);
      if (r >= FUZZY_THRESHOLD && (!marks.length || marksAgree(marks, i))) {
        out.push([typoScore(r), "fuzzy", i]);
      }
    }
    return out;
  }

  // Typing in progress: terms with a word that starts with what was typed (score below fuzzy).
  function within(folded, marks) {
    if (folded.length < 2) return [];
    const [first, ...rest] = folded.split(" ");
    // the terms to look at: those with the first word (or, alone, a word starting with it)
    let candidates;
    if (!rest.length) candidates = startingWith(first);
    else if (words.has(first)) candidates = words.get(first);
    else candidates = terms.map((_, i) => i);
    const out = [];
    const inner = " " + folded;
    for (const i of candidates) {
      const term = terms[i][1];
      if ((term.fold.startsWith(folded) || term.fold.includes(inner)) &&
          (!marks.length || marksAgree(marks, i))) {
        out.push([RULES.fuzzy - 10 + pyRound((10 * folded.length) / term.fold.length), "within", i]);
      }
    }
    return out;
  }

  function* rules(written, partial) {
    if (tables.exact.has(written)) yield batch("exact", tables.exact.get(written));
    const plain = /^[\x20-\x7e]*$/.test(written);
    const lowered = written.toLowerCase();
    const caseTable = tables["case-and-style"];
    const caseHit = caseTable.has(lowered);
    if (caseHit) yield batch("case-and-style", caseTable.get(lowered));
    const folded = fold(written);
    const key = plain ? folded : diacriticKey(written);
    const marks = marksOf(written);
    if (!caseHit && key !== lowered && caseTable.has(key)) yield batch("case-and-style", caseTable.get(key));
    if (!marks.length) {
      if (tables["without-diacritics"].has(folded)) {
        yield batch("without-diacritics", tables["without-diacritics"].get(folded));
      }
      const compacted = folded.replace(/ /g, "");
      if (tables.spacing.has(compacted)) yield batch("spacing", tables.spacing.get(compacted));
    }
    const reduced = stripOptional(folded);
    if (reduced && tables["without-un-or-the"].has(reduced)) {
      yield batch("without-un-or-the", tables["without-un-or-the"].get(reduced), marks);
    }
    if (tables["acronym-as-word"].has(lowered)) {
      yield batch("acronym-as-word", tables["acronym-as-word"].get(lowered));
    }
    const queryWords = reduced.split(" ").filter((w) => w && !STOPWORDS.has(w));
    let near = allWords(queryWords, false, marks);
    if (partial) {  // the last word may be cut short: any word that starts with it will do
      const typed = reduced.split(" ").filter(Boolean);
      const last = typed.pop();
      near = near.concat(allWords([...typed.filter((w) => !STOPWORDS.has(w)), last], true, marks));
    }
    near = near.concat(prefix(folded, marks));
    yield near;
    if (near.length) return;
    yield fuzzy(queryWords, marks);
  }

  // The query's words that carry marks, as diacritic keys (none for plain ASCII).
  function marksOf(written) {
    return /^[\x20-\x7e]*$/.test(written) ? [] : diacriticKey(written).split(" ").filter(hasDiacritics);
  }

  // The best hit of each of the `limit` best concepts that pass `keep`, in rank order.
  function search(query, limit = 10, keep = null) {
    if (query.length > MAX_QUERY_LENGTH) return [];
    const partial = !/\s$/.test(query);
    const written = query.normalize("NFC").replace(/\p{Cf}/gu, "").split(/\s+/u).filter(Boolean).join(" ");
    if (!written || limit < 1) return [];
    buildIndex();
    const found = new Map();
    let stage = 0;
    for (const hits of rules(written, partial)) {
      consider(found, hits, stage, keep);
      stage += 1;
      if (found.size >= limit) break;
    }
    if (!found.size) {  // beyond the lookup's rules: what is being typed, inside any term
      consider(found, within(fold(written), marksOf(written)), stage, keep);
    }
    return best([...found.values()], limit)
      .map(([score, , , i, rule]) => ({ concept: terms[i][0], term: terms[i][1], score: -score, rule }));
  }
  // Keep in `found` (concept's place → its best hit) the better of each hit and the one there.
  function consider(found, hits, stage, keep) {
    for (const [score, rule, i] of hits) {
      const concept = terms[i][0];
      if (keep && !keep(concept)) continue;
      const ranked = [-score, ranks[i], stage, i, rule];
      const old = found.get(concept.place);
      if (old === undefined || before(ranked, old)) found.set(concept.place, ranked);
    }
  }
  // The `limit` first of `hits` in rank order: a sorted selection, not a sort of them all.
  function best(hits, limit) {
    const kept = [];
    for (const hit of hits) {
      if (kept.length === limit && !before(hit, kept[limit - 1])) continue;
      let at = kept.length;
      while (at > 0 && before(hit, kept[at - 1])) at--;
      kept.splice(at, 0, hit);
      if (kept.length > limit) kept.pop();
    }
    return kept;
  }
  function before(a, b) {
    for (let k = 0; k < 4; k++) if (a[k] !== b[k]) return a[k] < b[k];
    return false;
  }

  // --- The page.
  const $ = (id) => document.getElementById(id);
  const input = $("q"), results = $("results"), summary = $("summary"), more = $("more");
  const categorySelect = $("category"), statusSelect = $("status");
  for (const category of DATA.categories) {
    if (concepts.some((c) => c.category === category)) categorySelect.append(new Option(category, category));
  }
  let limit = PAGE;

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attrs || {})) node.setAttribute(name, value);
    for (const child of children) if (child !== null && child !== undefined) node.append(child);
    return node;
  }
  function copyButton(text) {
    return el("button", { type: "button", class: "copy", "data-copy": text, "aria-label": "Copy " + text, title: "Copy" }, "Copy");
  }
  function label(concept, lang) {
    const inLang = concept.terms.filter((t) => t.lang === lang);
    return inLang.find((t) => t.status === "preferred") || inLang.find((t) => t.status !== "deprecated") || null;
  }
  function termText(term) {
    return term.status === "deprecated" ? el("s", {}, term.text) : term.text;
  }
  function sourceList(urls) {
    return el("ul", {}, ...urls.map((url) => el("li", {}, el("a", { href: url, rel: "noreferrer" }, url))));
  }
  function card(concept, opened) {
    const en = label(concept, "en"), vi = label(concept, "vi");
    const node = el("li", { class: "concept" + (opened ? " opened" : ""), "data-concept-id": concept.id });
    node.append(el("h2", { lang: "en" }, el("a", { href: "#" + concept.id, title: "Permalink" }, en ? en.text : concept.id)));
    if (vi) {
      node.append(el("p", { class: "vi-main" }, el("span", { lang: "vi" }, vi.text),
        vi.status === "draft" || concept.draft ? el("span", { class: "tag draft" }, "draft") : null, copyButton(vi.text)));
    }
    const abbreviations = concept.terms.filter((t) => t.kind === "abbreviation" && t.status !== "deprecated");
    const meta = el("p", { class: "meta" }, el("span", { class: "category" }, concept.category));
    if (concept.draft) meta.append(" · ", el("span", { class: "tag draft concept-draft" }, "draft concept"));
    if (abbreviations.length) {
      meta.append(" · ");
      abbreviations.forEach((t, n) => meta.append(n ? ", " : "", el("abbr", { lang: t.lang }, t.text)));
    }
    if (concept.parent) {
      const parent = byId.get(concept.parent);
      const name = parent && label(parent, "en");
      meta.append(" · part of ", el("a", { href: "#" + concept.parent, lang: "en" }, name ? name.text : concept.parent));
    }
    node.append(meta);
    const others = concept.terms.filter((t) => t !== en && t !== vi);
    if (others.length) {
      node.append(el("ul", { class: "terms" }, ...others.map((t) => el("li", { class: t.status },
        el("span", { lang: t.lang }, termText(t)),
        el("span", { class: "tag " + t.status }, t.lang + " · " + t.kind + " · " + t.status),
        t.lang === "vi" ? copyButton(t.text) : null,
        t.note ? el("span", { class: "note", lang: "en" }, " — " + t.note) : null))));
    }
    if (concept.definition) node.append(el("p", { class: "definition", lang: "en" }, concept.definition));
    if (concept.note) node.append(el("p", { class: "note", lang: "en" }, concept.note));
    const urls = [...concept.sources];
    for (const t of concept.terms) for (const url of t.sources) if (!urls.includes(url)) urls.push(url);
    if (urls.length) node.append(el("div", { class: "sources" }, "Sources: ", sourceList(urls)));
    return node;
  }

  function keepFilter() {
    const category = categorySelect.value, status = statusSelect.value;
    if (!category && !status) return null;
    return (c) => (!category || c.category === category) && (!status || c.draft === (status === "draft"));
  }

  function show(list, total, note) {
    results.replaceChildren(...list.map(([c, opened]) => card(c, opened)));
    summary.textContent = note;
    more.hidden = !(total > list.length);
  }

  function update() {
    const query = input.value;
    const keep = keepFilter();
    if (!query.trim()) {
      const all = keep ? concepts.filter(keep) : concepts;
      show(all.slice(0, limit).map((c) => [c, false]), all.length, `${all.length} concepts`);
      return;
    }
    const found = search(query, limit + 1, keep);
    const shown = found.slice(0, limit);
    show(shown.map((m) => [m.concept, false]), found.length,
      shown.length ? `${shown.length}${found.length > limit ? "+" : ""} found` : "Nothing found");
  }

  function openHash() {
    const id = decodeURIComponent(location.hash.slice(1));
    const concept = byId.get(id);
    if (!concept) return false;
    show([[concept, true]], 1, "");
    summary.textContent = "One concept (clear the search box to see all)";
    const title = results.querySelector("h2 a");
    if (title) title.focus();
    return true;
  }

  input.addEventListener("input", () => {
    limit = PAGE;
    if (location.hash) history.replaceState(null, "", location.pathname + location.search);
    update();
  });
  categorySelect.addEventListener("change", () => { limit = PAGE; update(); });
  statusSelect.addEventListener("change", () => { limit = PAGE; update(); });
  more.addEventListener("click", () => { limit += PAGE; update(); });
  $("search").addEventListener("submit", (event) => {
    event.preventDefault();
    const first = results.querySelector("h2 a");
    if (first) first.focus();
  });
  window.addEventListener("hashchange", () => { if (!openHash()) update(); });
  document.addEventListener("keydown", (event) => {
    if (event.key === "/" && document.activeElement !== input && !/^(INPUT|SELECT|TEXTAREA)$/.test(document.activeElement.tagName)) {
      event.preventDefault();
      input.focus();
      input.select();
    } else if (event.key === "Escape" && document.activeElement === input && input.value) {
      input.value = "";
      update();
    }
  });
  results.addEventListener("click", (event) => {
    const button = event.target.closest("button.copy");
    if (!button) return;
    const text = button.getAttribute("data-copy");
    const done = () => { button.textContent = "Copied"; setTimeout(() => { button.textContent = "Copy"; }, 1500); };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(done, () => fallbackCopy(text) && done());
    } else if (fallbackCopy(text)) done();
  });
  function fallbackCopy(text) {
    const area = el("textarea", { readonly: "", "aria-hidden": "true" });
    area.value = text;
    document.body.append(area);
    area.select();
    const ok = document.execCommand("copy");
    area.remove();
    return ok;
  }

  // for the tests, which compare the page's keys and ranking with the Python lookup's
  window.vnterms = {
    fold, compact, search: (q, n) => search(q, n).map((m) => [m.concept.id, m.score, m.rule]),
  };
  if (!openHash()) update();
  performance.mark("vnterms-ready");  // the first results are shown (read by benchmarks/html.py)
  // the tables, then what the prefix, partial-word and typo rules read, one idle moment each
  const idle = window.requestIdleCallback || setTimeout;
  const prepare = [buildIndex, lazySortedFolds, lazySortedWords, lazyVocabulary];
  const next = () => {
    const step = prepare.shift();
    if (step) { step(); idle(next); } else performance.mark("vnterms-prepared");
  };
  idle(next);
})();
