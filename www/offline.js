// Registers the service worker (sw.js), which keeps the page's own files so that the page works
// offline after this visit. Only over http(s) (a page opened from disk has no service worker),
// and only once the analyser is up, so that the worker's copy of the files does not compete with
// the page's own first load.
const html = document.documentElement;

function engineSettled() {
  return new Promise((resolve) => {
    const done = () => html.dataset.engine === "ready" || html.dataset.engine === "failed";
    if (done()) return resolve();
    const obs = new MutationObserver(() => {
      if (done()) {
        obs.disconnect();
        resolve();
      }
    });
    obs.observe(html, { attributes: true, attributeFilter: ["data-engine"] });
  });
}

if ("serviceWorker" in navigator && /^https?:$/.test(location.protocol)) {
  engineSettled().then(() => navigator.serviceWorker.register("sw.js", { updateViaCache: "none" })).then(
    () => navigator.serviceWorker.ready,
  ).then(
    () => { html.dataset.offline = "ready"; },
    (err) => {
      html.dataset.offline = "unavailable";
      console.warn(`article-inspector: offline use is unavailable (${err && err.message ? err.message : err})`);
    },
  );
}
