// Session logs wait in IndexedDB, keyed by their idempotency key, until the server
// has answered 200 or 201. A log is stored *before* it is sent and removed only after
// that answer, so a closed tab or a lost connection can at worst send it again; the
// key makes the server store it once. Shared by the page and the service worker.
"use strict";
(function (scope) {
  const DB_NAME = "footcore";
  const STORE = "pending-logs";
  const SYNC_TAG = "footcore-logs";
  // Answers that will never change on a retry: drop the log and say why.
  const FINAL_REFUSALS = new Set([400, 404, 409, 413, 415, 422]);

  function openDb() {
    return new Promise((resolve, reject) => {
      const request = scope.indexedDB.open(DB_NAME, 1);
      request.onupgradeneeded = () => request.result.createObjectStore(STORE, { keyPath: "key" });
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
  }

  function withStore(mode, action) {
    return openDb().then(
      (db) =>
        new Promise((resolve, reject) => {
          const tx = db.transaction(STORE, mode);
          const request = action(tx.objectStore(STORE));
          tx.oncomplete = () => {
            db.close();
            resolve(request ? request.result : undefined);
          };
          tx.onerror = () => {
            db.close();
            reject(tx.error);
          };
        }),
    );
  }

  const put = (entry) => withStore("readwrite", (store) => store.put(entry));
  const remove = (key) => withStore("readwrite", (store) => store.delete(key));
  const all = () => withStore("readonly", (store) => store.getAll());

  // One attempt. Resolves to "saved", "refused" or "kept" (try again later).
  async function send(entry) {
    let response;
    try {
      response = await scope.fetch(entry.url, {
        method: "POST",
        credentials: "same-origin",
        headers: { "Content-Type": "application/json", "X-CSRFToken": entry.csrf },
        body: JSON.stringify(entry.body),
      });
    } catch (networkError) {
      return { outcome: "kept" };
    }
    let answer = null;
    try {
      answer = await response.json();
    } catch (notJson) {
      answer = null;
    }
    if (response.status === 200 || response.status === 201) {
      await remove(entry.key);
      return { outcome: "saved", answer };
    }
    if (FINAL_REFUSALS.has(response.status)) {
      await remove(entry.key);
      return { outcome: "refused", status: response.status, answer };
    }
    return { outcome: "kept", status: response.status };
  }

  function askForSync() {
    const workers = scope.navigator && scope.navigator.serviceWorker;
    if (!workers || !workers.ready) return;
    workers.ready
      .then((registration) => registration.sync && registration.sync.register(SYNC_TAG))
      .catch(() => {});
  }

  // One sender at a time across the page and the service worker (Web Locks where
  // available), so a log is not in flight twice; the key covers the rest.
  function exclusively(work) {
    const locks = scope.navigator && scope.navigator.locks;
    return locks ? locks.request("footcore-log-queue", work) : work();
  }

  // Store, then try at once. The caller shows "saved" or "queued" from the outcome.
  async function submit(url, body, csrf) {
    const entry = { key: body.idempotency_key, url, body, csrf, queued_at: Date.now() };
    await put(entry);
    const result = await exclusively(() => send(entry));
    if (result.outcome === "kept") askForSync();
    return result;
  }

  // Send every waiting log, oldest first; stop at the first one the network refuses.
  // Each result names its log's key.
  function flush() {
    return exclusively(async () => {
      const results = [];
      const entries = (await all()).sort((a, b) => a.queued_at - b.queued_at);
      for (const entry of entries) {
        const result = { ...(await send(entry)), key: entry.key };
        results.push(result);
        if (result.outcome === "kept") break;
      }
      return { results, left: (await all()).length };
    });
  }

  scope.footcoreQueue = { submit, flush, pending: all, SYNC_TAG };
})(self);
