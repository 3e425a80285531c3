// The pipeline view's page: plain JavaScript, no framework, no build step.
// It listens to /api/stream (server-sent events) for figures and records, and asks /api/products
// for the one page of the products table it shows. Controls POST to /api/actions/*.
'use strict';

const FEED_LENGTH = 40; // items kept in each live list
const table = { page: 1, pageSize: 20, show: 'all', total: 0 };

// ---- small helpers -------------------------------------------------------------------------

/** A DOM element with attributes and children (strings become text: nothing is parsed as HTML). */
function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name === 'class') node.className = value;
    else if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, value === true ? '' : String(value));
  }
  node.append(...children.filter((child) => child !== undefined && child !== null).map(toNode));
  return node;
}

function toNode(child) {
  return child instanceof Node ? child : document.createTextNode(String(child));
}

const $ = (id) => document.getElementById(id);
const shortId = (id) => (id ? id.slice(0, 8) : '–');
const time = () => new Date().toLocaleTimeString();

/** Runs `fn` at most once per `ms`, always including the last call. */
function throttle(fn, ms) {
  let timer = null;
  return () => {
    if (timer) return;
    timer = setTimeout(() => {
      timer = null;
      fn();
    }, ms);
  };
}

// ---- figures (the `status` event, every tick) ----------------------------------------------

function showStatus(status) {
  $('catalog-group').textContent = status.groups.catalog;
  $('view-group').textContent = status.groups.view;
  $('view-group-2').textContent = status.groups.view;

  const outbox = status.outbox;
  $('outbox').textContent =
    'error' in outbox
      ? `unavailable (${outbox.error})`
      : `${outbox.unpublished} unpublished` + (outbox.unpublished ? `, oldest ${outbox.oldestAgeSeconds} s` : '');
  $('outbox').classList.toggle('warn', !('error' in outbox) && outbox.unpublished > 0);

  showPartitions(status.kafka);
  showCounts(status.products);

  const consumer = status.consumer;
  const state = 'error' in consumer ? 'unreachable' : consumer.state;
  $('consumer-state').textContent = state;
  $('consumer-state').className = `state-${state}`;
  if ('error' in consumer) $('consumer-state').title = consumer.error;
}

function showPartitions(kafka) {
  const body = $('partitions');
  if ('error' in kafka) {
    body.replaceChildren(el('tr', {}, el('td', { colspan: 6, class: 'error' }, `Kafka unavailable: ${kafka.error}`)));
    $('total-lag').textContent = '?';
    return;
  }
  body.replaceChildren(
    ...kafka.partitions.map((p) =>
      el(
        'tr',
        { 'data-partition': p.partition },
        el('td', {}, p.partition),
        el('td', {}, p.end),
        el('td', {}, p.catalog.committed ?? '–'),
        el('td', { class: p.catalog.lag > 0 ? 'lag' : '' }, p.catalog.lag),
        el('td', {}, p.view.committed ?? '–'),
        el('td', { class: p.view.lag > 0 ? 'lag' : '' }, p.view.lag),
      ),
    ),
  );
  $('total-lag').textContent = kafka.lag.catalog;
  $('total-lag').className = kafka.lag.catalog > 0 ? 'lag' : '';
  $('view-lag').textContent = kafka.lag.view;
  $('dlq-count').textContent = kafka.deadLetters;
}

const STATUS_LABELS = {
  'in-sync': 'in sync',
  behind: 'replica behind',
  missing: 'not in replica yet',
  rejected: 'rejected by replica',
  deleted: 'deleted, replica still has it',
  ahead: 'replica ahead',
};

let lastCounts = '';
function showCounts(products) {
  if ('error' in products) {
    $('status-counts').replaceChildren(el('li', { class: 'error' }, `databases unavailable: ${products.error}`));
    return;
  }
  $('source-count').textContent = products.source;
  $('replica-count').textContent = products.replica;
  $('status-counts').replaceChildren(
    ...Object.entries(STATUS_LABELS)
      .filter(([key]) => key === 'in-sync' || products[key] > 0)
      .map(([key, label]) => el('li', { class: `status-${key}`, 'data-status': key }, `${label}: ${products[key]}`)),
  );
  // Counts changed (a write, an apply): the visible page may be out of date.
  const counts = JSON.stringify(products);
  if (counts !== lastCounts) reloadProductsSoon();
  lastCounts = counts;
}

// ---- the products table (a page at a time, on request) -------------------------------------

async function loadProducts() {
  const query = new URLSearchParams({ page: table.page, pageSize: table.pageSize, show: table.show });
  const response = await fetch(`/api/products?${query}`);
  if (!response.ok) {
    $('products').replaceChildren(el('tr', {}, el('td', { colspan: 11, class: 'error' }, await response.text())));
    return;
  }
  const page = await response.json();
  table.total = page.total;
  const pages = Math.max(1, Math.ceil(page.total / page.pageSize));
  $('page-info').textContent =
    `page ${page.page} of ${pages} (${page.total} ${table.show === 'all' ? 'products' : 'differing'})`;
  $('prev').disabled = page.page <= 1;
  $('next').disabled = page.page >= pages;
  $('products').replaceChildren(...page.items.map(productRow));
  if (page.items.length === 0)
    $('products').append(el('tr', {}, el('td', { colspan: 11, class: 'empty' }, 'nothing here yet')));
}
const reloadProductsSoon = throttle(() => void loadProducts(), 500);

function productRow(pair) {
  const { source, replica } = pair;
  const first = source ?? replica;
  /** A cell of one side, marked when it differs from the other side. */
  const side = (row, other, field) =>
    el('td', { class: row && other && row[field] !== other[field] ? 'diff' : '' }, row ? row[field] : '–');
  const acked = source?.sync?.replicatedVersion;
  return el(
    'tr',
    { class: `status-${pair.status}`, 'data-product-id': pair.id, 'data-status': pair.status },
    el('td', {}, el('strong', {}, first.sku), ' ', el('small', {}, shortId(pair.id))),
    ...['name', 'price', 'stock', 'version'].map((field) => side(source, replica, field)),
    ...['name', 'price', 'stock', 'version'].map((field) => side(replica, source, field)),
    el('td', {}, acked ? `v${acked}` : '–'),
    el(
      'td',
      { class: 'status', title: source?.sync?.reason ?? '' },
      STATUS_LABELS[pair.status] + (pair.status === 'behind' ? ` (v${replica.version} of v${source.version})` : ''),
    ),
  );
}

// ---- live records (the `history` and `feed` events) ----------------------------------------

function feedItem(item) {
  if (item.kind === 'event') {
    const where = `p${item.partition}@${item.offset}`;
    if (item.problem)
      return el(
        'li',
        { class: 'poison', 'data-kind': 'poison' },
        `${where} ☠ undecodable (${item.problem.errorClass}) key ${shortId(item.key)}`,
        item.replayedFrom ? el('small', {}, ` replayed from ${item.replayedFrom}`) : null,
      );
    return el(
      'li',
      { 'data-product-id': item.productId },
      `${where} ${item.type.replace('product.', '')} ${item.sku} v${item.version}`,
      item.replayedFrom ? el('small', {}, ` replayed from ${item.replayedFrom}`) : null,
    );
  }
  if (item.kind === 'ack')
    return el(
      'li',
      { class: `ack-${item.status}`, 'data-product-id': item.productId },
      `${item.status} ${shortId(item.productId)} ${item.version ? `v${item.version}` : ''}`,
      item.reason ? el('small', {}, ` ${item.reason}`) : null,
    );
  return el(
    'li',
    { class: 'dead-letter', 'data-dead-letter-id': item.id, 'data-error-class': item.errorClass },
    el('strong', {}, `${item.id} ${item.errorClass}`),
    el('br'),
    el('span', { class: 'reason' }, item.reason),
    el('br'),
    el(
      'small',
      {},
      `from ${item.original.topic}/${item.original.partition}@${item.original.offset}, key ${shortId(item.original.key)}, ${item.failedAt}`,
    ),
    item.replayable
      ? el('button', { class: 'replay', onclick: () => act('dead-letters/replay', { id: item.id }) }, 'Replay')
      : el('small', {}, ' (no key: cannot be replayed)'),
  );
}

/** Newest on top; only the last FEED_LENGTH of each list stay. */
function addItems(items) {
  const lists = { event: $('events'), ack: $('acks'), 'dead-letter': $('dead-letters') };
  for (const item of items) {
    const list = lists[item.kind];
    list.prepend(feedItem(item));
    while (list.children.length > FEED_LENGTH) list.lastChild.remove();
  }
  if (items.some((item) => item.kind !== 'dead-letter')) reloadProductsSoon();
}

// ---- controls ------------------------------------------------------------------------------

/**
 * Every control POSTs here. Admin controls (pause, resume, replay) will need an API key once the
 * apps require one: the view's server adds it (Upstream.request), never this page.
 */
async function act(action, body = {}) {
  $('action-result').textContent = `${time()} ${action}…`;
  const response = await fetch(`/api/actions/${action}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  }).catch((error) => ({ ok: false, status: 0, json: async () => ({ message: error.message }) }));
  const answer = await response.json().catch(() => ({}));
  $('action-result').textContent =
    `${time()} ${action}: ${response.ok ? 'done' : `failed (${response.status})`}${describe(answer)}`;
  $('action-result').className = response.ok ? 'result ok' : 'result error';
  reloadProductsSoon();
  return answer;
}

function describe(answer) {
  if (answer.message) return `: ${answer.message}`;
  if (answer.sku) return `: ${answer.sku} v${answer.version} (sync ${answer.sync?.status})`;
  if (answer.writes) return `: ${answer.succeeded} of ${answer.writes} writes accepted`;
  if (answer.offset) return `: ${answer.kind} at product.events p${answer.partition}@${answer.offset}`;
  if (answer.state) return `: ${answer.state}`;
  if (answer.replayed) return `: replayed ${answer.replayed.join(', ') || 'nothing'}`;
  return '';
}

function formValues(form) {
  const values = {};
  for (const [name, value] of new FormData(form)) if (value !== '') values[name] = value;
  return values;
}

$('create-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const { name, price, stock } = formValues(event.target);
  void act('products', {
    name,
    price: price === undefined ? undefined : Number(price),
    stock: stock === undefined ? undefined : Number(stock),
  });
});
$('burst-form').addEventListener('submit', (event) => {
  event.preventDefault();
  void act('burst', { writes: Number(formValues(event.target).writes) });
});
$('poison-form').addEventListener('submit', (event) => {
  event.preventDefault();
  void act('poison', { kind: formValues(event.target).kind });
});
$('pause').addEventListener('click', () => void act('consumer/pause'));
$('resume').addEventListener('click', () => void act('consumer/resume'));

for (const radio of document.querySelectorAll('input[name=show]'))
  radio.addEventListener('change', () => {
    table.show = radio.value;
    table.page = 1;
    void loadProducts();
  });
$('prev').addEventListener('click', () => {
  table.page = Math.max(1, table.page - 1);
  void loadProducts();
});
$('next').addEventListener('click', () => {
  table.page += 1;
  void loadProducts();
});

// ---- live updates --------------------------------------------------------------------------

const stream = new EventSource('/api/stream');
stream.addEventListener('open', () => {
  $('connection').textContent = 'live';
  $('connection').className = 'badge live';
});
stream.addEventListener('error', () => {
  $('connection').textContent = 'reconnecting…';
  $('connection').className = 'badge down';
});
stream.addEventListener('history', (event) => {
  for (const list of ['events', 'acks', 'dead-letters']) $(list).replaceChildren();
  addItems(JSON.parse(event.data).items);
});
stream.addEventListener('status', (event) => showStatus(JSON.parse(event.data)));
stream.addEventListener('feed', (event) => addItems(JSON.parse(event.data).items));

void loadProducts();
