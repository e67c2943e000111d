// footcore's service worker: the session player keeps working without a network.
// Static files are served cache-first (their content only changes with a release,
// which bumps VERSION); pages network-first with the cached copy as the fallback;
// the API is never cached. Logs queued offline are sent on background sync.
"use strict";
const VERSION = "4";
const CACHE = `footcore-player-v${VERSION}`;
const CORE = [
  "/static/footcore/site.css",
  "/static/footcore/icon.svg",
  "/static/footcore/icon-192.png",
  "/static/footcore/manifest.webmanifest",
  "/static/footcore/offline-queue.js",
  "/static/footcore/player-cues.js",
  "/static/footcore/player.js",
];

importScripts("/static/footcore/offline-queue.js");

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(CORE))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) =>
        Promise.all(
          names
            .filter((name) => name.startsWith("footcore-") && name !== CACHE)
            .map((name) => caches.delete(name)),
        ),
      )
      .then(() => self.clients.claim()),
  );
});

// The player page names what it needs (itself and its illustrations).
self.addEventListener("message", (event) => {
  const message = event.data || {};
  if (message.type !== "precache" || !Array.isArray(message.urls)) return;
  const own = message.urls.filter((url) => new URL(url, self.location.href).origin === self.location.origin);
  event.waitUntil(
    caches.open(CACHE).then((cache) =>
      Promise.all(
        own.map((url) =>
          fetch(url, { credentials: "same-origin" })
            .then((response) => (response.ok ? cache.put(url, response) : undefined))
            .catch(() => undefined),
        ),
      ),
    ),
  );
});

// Django answers with `Vary: Cookie`; the CSRF cookie set by the first response would
// otherwise make every later lookup miss, so the cache ignores Vary (one browser
// profile, one runner).
const MATCH = { ignoreVary: true };

async function cacheFirst(request) {
  const cache = await caches.open(CACHE);
  const hit = await cache.match(request, MATCH);
  if (hit) return hit;
  const response = await fetch(request);
  if (response.ok) cache.put(request, response.clone());
  return response;
}

async function networkFirst(request) {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(request);
    if (response.ok) cache.put(request, response.clone());
    return response;
  } catch (offline) {
    const hit = await cache.match(request, MATCH);
    if (hit) return hit;
    throw offline;
  }
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (url.pathname.startsWith("/static/") || /^\/exercises\/[^/]+\/illustration\.svg$/.test(url.pathname)) {
    event.respondWith(cacheFirst(request));
  } else if (url.pathname.startsWith("/session/")) {
    event.respondWith(networkFirst(request));
  }
});

self.addEventListener("sync", (event) => {
  if (event.tag === self.footcoreQueue.SYNC_TAG) {
    event.waitUntil(
      self.footcoreQueue.flush().then(async (state) => {
        // The pages that queued these logs learn how they ended (they may have been
        // waiting for the network themselves, and now find the queue empty).
        const pages = await self.clients.matchAll({ type: "window" });
        for (const page of pages) page.postMessage({ type: "footcore-log-results", results: state.results });
        // Still waiting: a rejected promise asks the browser to retry the sync later.
        if (state.left > 0) throw new Error("logs still waiting");
      }),
    );
  }
});
