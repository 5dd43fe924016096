// The reader's own names: a list kept in this browser (localStorage, never sent anywhere) and
// passed with every analysis, where it overrules the tagger and the rules
// (`overrides.names` in crate/src/wasm.rs; the CLI reads the same JSON with --names).

const STORE = "article-inspector.names.v1";
/** The core ignores longer entries (MAX_NAME_CHARS in crate/src/user_names.rs). */
export const MAX_NAME_CHARS = 200;

/** The kinds a reader can give, with the labels the page shows; "" is "not a name". */
export const NAME_KINDS = [
  ["PERSON", "Person"],
  ["ORG", "Organisation"],
  ["PLACE", "Place"],
  ["GROUP", "Group or nationality"],
  ["MISC", "Other name (event, law, work)"],
  ["", "Not a name"],
];
const KIND_CODES = new Set(NAME_KINDS.map(([k]) => k).filter(Boolean));

/** A clean list: entries `{text, kind?}` with text trimmed and non-empty, kinds known, one entry
 * per text (the last wins). Anything else is dropped. */
export function cleanNames(list) {
  if (!Array.isArray(list)) return [];
  const byText = new Map();
  for (const n of list) {
    if (!n || typeof n.text !== "string") continue;
    const text = n.text.trim().replace(/\s+/g, " ");
    if (!text || text.length > MAX_NAME_CHARS) continue;
    // No kind is "not a name"; a kind the page does not know is a mistake, not that.
    const hasKind = n.kind !== undefined && n.kind !== null && n.kind !== "";
    if (hasKind && !KIND_CODES.has(n.kind)) continue;
    const kind = hasKind ? n.kind : undefined;
    byText.delete(text);
    byText.set(text, kind ? { text, kind } : { text });
  }
  return [...byText.values()];
}

export function loadNames(storage = globalThis.localStorage) {
  try {
    return cleanNames(JSON.parse(storage?.getItem(STORE) || "[]"));
  } catch {
    return [];
  }
}

function saveNames(list, storage = globalThis.localStorage) {
  try {
    storage?.setItem(STORE, JSON.stringify(list));
    return true;
  } catch {
    return false; // private mode or storage full: the list still works for this visit
  }
}

function kindLabel(kind) {
  return (NAME_KINDS.find(([k]) => k === (kind || "")) || NAME_KINDS[NAME_KINDS.length - 1])[1];
}

/**
 * Wires the "Your names" panel. `ctx`: {root, onChange(list), download(name, text, mime)}.
 * Returns {names() → current list, suggest(texts) → offer these in the name box}. What happened
 * is said in the panel's own status line (the page's status line reports the re-analysis).
 */
export function initNames(ctx) {
  const doc = ctx.root.ownerDocument;
  let names = loadNames();
  const $ = (sel) => ctx.root.querySelector(sel);
  const form = $("form");
  const textIn = $("#name-text");
  const kindSel = $("#name-kind");
  const list = $("#name-list");
  const importIn = $("#names-import");
  const suggestions = $("#name-suggestions");
  const say = (text) => { $("#names-status").textContent = text; };

  for (const [code, label] of NAME_KINDS) {
    const o = doc.createElement("option");
    o.value = code;
    o.textContent = label;
    kindSel.appendChild(o);
  }

  function render() {
    list.replaceChildren();
    if (!names.length) {
      const p = doc.createElement("li");
      p.className = "empty";
      p.textContent = "None yet. Names you add here are marked as you say in every article you analyse on this device.";
      list.appendChild(p);
    }
    for (const n of names) {
      const li = doc.createElement("li");
      const name = doc.createElement("span");
      name.className = "name";
      name.textContent = n.text;
      const kind = doc.createElement("span");
      kind.className = "kind";
      kind.textContent = kindLabel(n.kind);
      const remove = doc.createElement("button");
      remove.type = "button";
      remove.className = "quiet";
      remove.textContent = "Remove";
      remove.setAttribute("aria-label", `Remove ${n.text} from your names`);
      remove.addEventListener("click", () => update(names.filter((x) => x !== n), `Removed “${n.text}” from your names.`));
      li.append(name, " ", kind, " ", remove);
      list.appendChild(li);
    }
    $("#names-export").disabled = !names.length;
  }

  function update(next, status) {
    names = cleanNames(next);
    const stored = saveNames(names);
    render();
    say(stored ? status : `${status} (This browser does not let the page keep it after you leave.)`);
    ctx.onChange(names);
  }

  form.addEventListener("submit", (e) => {
    e.preventDefault();
    const text = textIn.value.trim().replace(/\s+/g, " ");
    if (!text) {
      textIn.focus();
      return;
    }
    if (text.length > MAX_NAME_CHARS) {
      say(`A name can be at most ${MAX_NAME_CHARS} characters.`);
      return;
    }
    const kind = kindSel.value || undefined;
    update([...names.filter((n) => n.text !== text), kind ? { text, kind } : { text }],
      `“${text}” is now ${kind ? `a ${kindLabel(kind).toLowerCase()}` : "not a name"} in your names.`);
    textIn.value = "";
    textIn.focus();
  });

  $("#names-export").addEventListener("click", () => {
    ctx.download("article-inspector-names.json", JSON.stringify(names, null, 2) + "\n", "application/json");
  });

  importIn.addEventListener("change", async () => {
    const file = importIn.files && importIn.files[0];
    importIn.value = "";
    if (!file) return;
    if (file.size > 1024 * 1024) {
      say("That file is too large to be a list of names.");
      return;
    }
    let parsed;
    try {
      parsed = JSON.parse(await file.text());
    } catch {
      say(`“${file.name}” is not a list of names (JSON like [{"text": "Quay Street", "kind": "PLACE"}]).`);
      return;
    }
    const added = cleanNames(parsed);
    if (!added.length) {
      say(`“${file.name}” holds no names.`);
      return;
    }
    update([...names, ...added], `Added ${added.length} name${added.length === 1 ? "" : "s"} from “${file.name}”.`);
  });

  render();
  return {
    names: () => names,
    /** Offer the article's names in the name box. */
    suggest(texts) {
      suggestions.replaceChildren(...[...new Set(texts)].slice(0, 300).map((t) => {
        const o = doc.createElement("option");
        o.value = t;
        return o;
      }));
    },
  };
}
