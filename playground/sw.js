// The playground's service worker: it caches the page's files when installed, then answers from
// the cache (and refreshes it from the network when the network answers), so that the page works
// offline once loaded. scripts/playground.mjs fills in the cache's name (a hash of the files) and
// the files.
const CACHE = '__CACHE__'
const FILES = __FILES__

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((c) => c.addAll(FILES)).then(() => self.skipWaiting()))
})
self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim())
  )
})
self.addEventListener('fetch', (event) => {
  if (event.request.method !== 'GET') return
  event.respondWith(
    caches.open(CACHE).then(async (cache) => {
      const cached = await cache.match(event.request, { ignoreSearch: true })
      const fresh = fetch(event.request)
        .then((r) => {
          if (r.ok && new URL(event.request.url).origin === self.location.origin) void cache.put(event.request, r.clone())
          return r
        })
        .catch(() => undefined)
      return cached ?? (await fresh) ?? new Response('offline', { status: 503 })
    })
  )
})
