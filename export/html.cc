#include "export/html.h"

#include <exception>

#include "export/escape.h"
#include "export/json_views.h"

namespace tkg {
namespace {

constexpr std::string_view kStyle = R"CSS(
body { font: 14px/1.4 system-ui, -apple-system, "Segoe UI", Helvetica, Arial, sans-serif;
       margin: 0 auto; max-width: 1400px; padding: 0 16px 32px; color: #1d232a; background: #fff; }
h1 { font-size: 22px; margin: 16px 0 4px; }
h2 { font-size: 17px; margin: 24px 0 8px; border-bottom: 1px solid #d6dbe0; padding-bottom: 4px; }
.meta { color: #5b6570; margin: 0 0 8px; }
.controls { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; margin: 6px 0; }
.controls input, .controls select, .controls button { font: inherit; padding: 3px 6px; }
#tl-scroll { overflow-x: auto; overflow-y: hidden; border: 1px solid #d6dbe0; border-radius: 4px;
             background: #fafbfc; }
#tl-canvas { position: relative; }
.tl-axis { position: absolute; left: 0; right: 0; top: 0; height: 24px; border-bottom: 1px solid #c3cad2; }
.tl-tick { position: absolute; top: 0; height: 24px; border-left: 1px solid #c3cad2;
           font-size: 11px; color: #5b6570; padding-left: 3px; white-space: nowrap; }
.tl-item { position: absolute; height: 20px; font-size: 12px; white-space: nowrap; overflow: hidden;
           text-overflow: ellipsis; border-radius: 3px; padding: 0 4px; line-height: 20px;
           cursor: pointer; box-sizing: border-box; border: 1px solid #7a8793; background: #fff; }
.tl-item.said { border-color: #3b73b9; background: #e3eefb; }
.tl-item.fact { border-color: #4c9a4c; background: #e6f4e6; }
.tl-item.statement { border-color: #b9833b; background: #fbf0e0; }
.tl-item.selected { outline: 2px solid #1d232a; }
.tl-break { position: absolute; top: 0; bottom: 0; text-align: center; color: #7a8793;
             background: repeating-linear-gradient(90deg, #eef1f4 0 4px, #fafbfc 4px 8px); }
.tl-bar { position: absolute; height: 4px; border-radius: 2px; background: #7a8793; opacity: .6; }
#tl-detail { margin: 8px 0; padding: 8px; background: #f4f6f8; border-radius: 4px; min-height: 1em; }
#tl-undated li, #tl-detail li { margin: 2px 0; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; vertical-align: top; padding: 4px 6px; border-bottom: 1px solid #e3e7eb; }
th { background: #f4f6f8; position: sticky; top: 0; }
td.date { white-space: nowrap; font-variant-numeric: tabular-nums; }
td.n { text-align: right; }
.kind { font-size: 11px; padding: 1px 5px; border-radius: 8px; background: #e3e7eb; }
.kind.direct { background: #e3eefb; } .kind.mixed { background: #fbf0e0; }
.srcs { color: #5b6570; font-size: 12px; }
#graph { overflow: auto; border: 1px solid #d6dbe0; border-radius: 4px; max-height: 900px; }
#graph svg { display: block; height: auto; }
.note { color: #5b6570; font-style: italic; }
)CSS";

constexpr std::string_view kScript = R"JS(
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('tkg-data').textContent);

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }
  // "YYYY-MM-DD" (a year may carry a sign) -> days since 1970-01-01.
  function dayNum(s) {
    var m = /^(-?\d+)-(\d\d)-(\d\d)$/.exec(s || '');
    if (!m) return null;
    var d = new Date(0);
    d.setUTCFullYear(+m[1], +m[2] - 1, +m[3]);
    return Math.round(d.getTime() / 86400000);
  }
  function dayText(n) {
    var d = new Date(n * 86400000);
    var y = d.getUTCFullYear(), mo = d.getUTCMonth() + 1, da = d.getUTCDate();
    return String(y) + '-' + (mo < 10 ? '0' : '') + mo + '-' + (da < 10 ? '0' : '') + da;
  }
  function timeLabel(t) { return t && t.value ? t.value : '(undated)'; }
  function sourceText(srcs) {
    return srcs.map(function (s) {
      return s.doc + (s.source ? ' (' + s.source + (s.date ? ', ' + s.date : '') + ')' : '');
    }).join('; ');
  }

  // ---- the timeline --------------------------------------------------------
  var items = [];
  data.timeline.events.forEach(function (ev, i) {
    if (!ev.time) return;
    var b = dayNum(ev.time.begin), e = dayNum(ev.time.end);
    if (b === null || e === null) return;
    items.push({ ev: ev, b: b, e: e + 1, i: i });
  });
  var zoom = 1;
  var scroll = document.getElementById('tl-scroll');
  var canvas = document.getElementById('tl-canvas');
  var detail = document.getElementById('tl-detail');

  function showDetail(ev, node) {
    Array.prototype.forEach.call(canvas.querySelectorAll('.tl-item.selected'), function (n) {
      n.classList.remove('selected');
    });
    if (node) node.classList.add('selected');
    detail.textContent = '';
    var head = el('div');
    head.appendChild(el('strong', null, timeLabel(ev.time)));
    head.appendChild(document.createTextNode(' (' + (ev.time ? ev.time.granularity : '') + ', ' +
                                             ev.type + ')  '));
    head.appendChild(el('span', null, ev.title));
    detail.appendChild(head);
    if (ev.said_by && ev.said_by.length) detail.appendChild(el('div', 'srcs', 'stated by: ' + ev.said_by.join('; ')));
    var ul = el('ul');
    ev.sources.forEach(function (s) {
      ul.appendChild(el('li', 'srcs', s.doc + (s.title ? ' — ' + s.title : '') + (s.date ? ', ' + s.date : '')));
    });
    detail.appendChild(ul);
  }

  // Tick steps in days (months and years are calendar steps).
  var STEPS = [[1, 'day'], [7, 'day'], [1, 'month'], [3, 'month'], [1, 'year'], [5, 'year'],
               [10, 'year'], [50, 'year'], [100, 'year'], [500, 'year']];
  function stepDays(s) { return s[1] === 'day' ? s[0] : s[1] === 'month' ? s[0] * 30.4 : s[0] * 365.25; }
  function ticks(min, max, scale) {
    var step = STEPS[STEPS.length - 1];
    for (var k = 0; k < STEPS.length; k++) {
      if (stepDays(STEPS[k]) * scale >= 90) { step = STEPS[k]; break; }
    }
    var out = [];
    var d = new Date(min * 86400000);
    if (step[1] !== 'day') d.setUTCDate(1);
    if (step[1] === 'year') { d.setUTCMonth(0); d.setUTCFullYear(Math.floor(d.getUTCFullYear() / step[0]) * step[0]); }
    if (step[1] === 'month') d.setUTCMonth(Math.floor(d.getUTCMonth() / step[0]) * step[0]);
    for (var guard = 0; guard < 2000; guard++) {
      var n = Math.round(d.getTime() / 86400000);
      if (n > max) break;
      var t = dayText(n);
      out.push([n, step[1] === 'year' ? t.slice(0, t.length - 6) : step[1] === 'month' ? t.slice(0, t.length - 3) : t]);
      if (step[1] === 'day') d.setUTCDate(d.getUTCDate() + step[0]);
      else if (step[1] === 'month') d.setUTCMonth(d.getUTCMonth() + step[0]);
      else d.setUTCFullYear(d.getUTCFullYear() + step[0]);
    }
    return out;
  }

  // The time axis is piecewise linear: dated events are merged into spans
  // (events less than a month apart share one) and the empty years between
  // spans are cut out and shown as a break, so that a 2008 decision and a
  // 2022 meeting both get room. A span's width grows with the log of its
  // length.
  var GAP = 56, LABEL_ROOM = 320, MERGE_DAYS = 31;
  function buildScale(width) {
    var iv = items.map(function (it) { return [it.b, it.e]; }).sort(function (a, b) { return a[0] - b[0]; });
    var segs = [];
    iv.forEach(function (p) {
      var last = segs[segs.length - 1];
      if (last && p[0] <= last.e + MERGE_DAYS) last.e = Math.max(last.e, p[1]);
      else segs.push({ b: p[0], e: p[1] });
    });
    var weights = segs.map(function (sg) { return 1 + Math.log(1 + (sg.e - sg.b)); });
    var total = weights.reduce(function (a, b) { return a + b; }, 0);
    var avail = Math.max(100, width - GAP * (segs.length - 1));
    var x = 8;
    segs.forEach(function (sg, i) { sg.x = x; sg.w = avail * weights[i] / total; x += sg.w + GAP; });
    return {
      segs: segs,
      toX: function (d) {
        for (var i = 0; i < segs.length; i++) {
          var sg = segs[i];
          if (d <= sg.e) return sg.x + Math.max(0, d - sg.b) / Math.max(1, sg.e - sg.b) * sg.w;
        }
        var l = segs[segs.length - 1];
        return l.x + l.w;
      }
    };
  }

  function drawTimeline() {
    canvas.textContent = '';
    document.getElementById('tl-zoom').textContent = '×' + zoom;
    if (!items.length) {
      canvas.appendChild(el('p', 'note', 'no dated events'));
      canvas.style.height = 'auto';
      return;
    }
    var width = Math.max(600, (scroll.clientWidth || 1000) - 2 - LABEL_ROOM) * zoom;
    var sc = buildScale(width);
    canvas.style.width = (width + LABEL_ROOM) + 'px';
    var axis = el('div', 'tl-axis');
    sc.segs.forEach(function (sg, i) {
      var local = sg.w / Math.max(1, sg.e - sg.b);
      var ts = ticks(sg.b, sg.e, local).filter(function (t) { return t[0] >= sg.b && t[0] < sg.e; });
      if (!ts.length || sc.toX(ts[0][0]) - sg.x > 60) ts.unshift([sg.b, dayText(sg.b)]);
      ts.forEach(function (t) {
        var tick = el('div', 'tl-tick', t[1]);
        tick.style.left = sc.toX(t[0]) + 'px';
        axis.appendChild(tick);
      });
      if (i > 0) {
        var prev = sc.segs[i - 1];
        var brk = el('div', 'tl-break', '⋯');
        brk.title = Math.round((sg.b - prev.e) / 365.25 * 10) / 10 + ' years without events';
        brk.style.left = (prev.x + prev.w) + 'px';
        brk.style.width = GAP + 'px';
        canvas.appendChild(brk);
      }
    });
    canvas.appendChild(axis);
    var lanes = [];  // right edge of the last item of each lane, in px
    items.forEach(function (it) {
      var x = sc.toX(it.b);
      var barw = Math.max(4, sc.toX(it.e) - x);
      var text = it.ev.time.value + '  ' + it.ev.title;
      var labelw = Math.min(LABEL_ROOM - 20, 12 + 6.5 * Math.min(text.length, 60));
      var w = Math.max(barw, labelw);
      var lane = 0;
      while (lane < lanes.length && lanes[lane] > x) lane++;
      lanes[lane] = x + w + 4;
      var top = 32 + lane * 26;
      var node = el('div', 'tl-item ' + it.ev.type, text);
      node.title = it.ev.title;
      node.setAttribute('data-value', it.ev.time.value);
      node.setAttribute('data-granularity', it.ev.time.granularity);
      node.style.left = x + 'px';
      node.style.top = top + 'px';
      node.style.width = w + 'px';
      node.addEventListener('click', function () { showDetail(it.ev, node); });
      canvas.appendChild(node);
      var bar = el('div', 'tl-bar');
      bar.style.left = x + 'px';
      bar.style.top = (top + 21) + 'px';
      bar.style.width = barw + 'px';
      canvas.appendChild(bar);
    });
    canvas.style.height = (40 + lanes.length * 26) + 'px';
  }
  function setZoom(z) {
    var centre = (scroll.scrollLeft + scroll.clientWidth / 2) / Math.max(1, canvas.clientWidth);
    zoom = Math.min(256, Math.max(1, z));
    drawTimeline();
    scroll.scrollLeft = centre * canvas.clientWidth - scroll.clientWidth / 2;
    writeHash();
  }
  document.getElementById('tl-in').addEventListener('click', function () { setZoom(zoom * 2); });
  document.getElementById('tl-out').addEventListener('click', function () { setZoom(zoom / 2); });
  document.getElementById('tl-fit').addEventListener('click', function () { setZoom(1); });
  scroll.addEventListener('wheel', function (e) {
    if (!e.ctrlKey) return;
    e.preventDefault();
    setZoom(e.deltaY < 0 ? zoom * 2 : zoom / 2);
  }, { passive: false });
  drawTimeline();

  var undated = document.getElementById('tl-undated');
  data.timeline.undated.forEach(function (ev) {
    var li = el('li', 'tl-undated-item', ev.title);
    undated.appendChild(li);
  });
  if (!data.timeline.undated.length) undated.appendChild(el('li', 'note', 'none'));

  // ---- who said what when ----------------------------------------------------
  var rows = data.said;
  var tbody = document.getElementById('said-body');
  var fq = document.getElementById('f-q'), fwho = document.getElementById('f-who');
  var fkind = document.getElementById('f-kind'), ffrom = document.getElementById('f-from');
  var fto = document.getElementById('f-to'), count = document.getElementById('said-count');
  var speakers = {};
  rows.forEach(function (r) { if (r.speaker) speakers[r.speaker] = true; });
  Object.keys(speakers).sort().forEach(function (s) {
    var o = el('option', null, s);
    o.value = s;
    fwho.appendChild(o);
  });
  // A date filter "YYYY", "YYYY-MM" or "YYYY-MM-DD" as [first, last] days.
  function bound(text, last) {
    var m = /^(-?\d{4})(?:-(\d\d)(?:-(\d\d))?)?$/.exec(text.trim());
    if (!m) return null;
    if (m[3]) return dayNum(text.trim());
    if (m[2]) {
      if (!last) return dayNum(m[1] + '-' + m[2] + '-01');
      var d = new Date(0);
      d.setUTCFullYear(+m[1], +m[2], 0);
      return Math.round(d.getTime() / 86400000);
    }
    return dayNum(m[1] + (last ? '-12-31' : '-01-01'));
  }
  function matches(r) {
    var q = fq.value.trim().toLowerCase();
    if (q) {
      var hay = [r.speaker, r.speaker_text, r.cue, r.content, r.kind, sourceText(r.sources)].join(' ').toLowerCase();
      if (hay.indexOf(q) < 0) return false;
    }
    if (fwho.value && r.speaker !== fwho.value) return false;
    if (fkind.value && r.kind !== fkind.value) return false;
    var from = ffrom.value.trim() ? bound(ffrom.value, false) : null;
    var to = fto.value.trim() ? bound(fto.value, true) : null;
    if (from !== null || to !== null) {
      if (!r.date || !r.date.begin) return false;
      if (from !== null && dayNum(r.date.end) < from) return false;
      if (to !== null && dayNum(r.date.begin) > to) return false;
    }
    return true;
  }
  function drawTable() {
    tbody.textContent = '';
    var shown = 0;
    rows.forEach(function (r) {
      if (!matches(r)) return;
      shown++;
      var tr = el('tr', 'said-row');
      tr.appendChild(el('td', 'date', timeLabel(r.date)));
      var who = el('td', 'who', r.speaker || '(unknown speaker)');
      if (r.speaker_text && r.speaker_text !== r.speaker) who.appendChild(el('div', 'srcs', 'as “' + r.speaker_text + '”'));
      tr.appendChild(who);
      var kind = el('td');
      kind.appendChild(el('span', 'kind ' + r.kind, r.kind));
      tr.appendChild(kind);
      tr.appendChild(el('td', 'cue', r.cue));
      var content = el('td', 'content', r.kind === 'direct' ? '“' + r.content + '”' : r.content);
      if (r.statement_time && r.statement_time.value) {
        content.appendChild(el('div', 'srcs', 'time of the statement: ' + r.statement_time.value));
      }
      tr.appendChild(content);
      var src = el('td', 'n', r.sources.length);
      src.title = sourceText(r.sources);
      tr.appendChild(src);
      tr.appendChild(el('td', 'srcs', sourceText(r.sources)));
      tbody.appendChild(tr);
    });
    count.textContent = shown + ' of ' + rows.length + ' statements';
  }
  function writeHash() {
    var parts = [];
    [['q', fq], ['who', fwho], ['kind', fkind], ['from', ffrom], ['to', fto]].forEach(function (p) {
      if (p[1].value) parts.push(p[0] + '=' + encodeURIComponent(p[1].value));
    });
    if (zoom !== 1) parts.push('zoom=' + zoom);
    try { history.replaceState(null, '', parts.length ? '#' + parts.join('&') : location.pathname); } catch (e) { /* file: URLs in some browsers */ }
  }
  function readHash() {
    var h = location.hash.replace(/^#/, '');
    if (!h) return;
    var map = { q: fq, who: fwho, kind: fkind, from: ffrom, to: fto }, z = 1;
    h.split('&').forEach(function (kv) {
      var i = kv.indexOf('=');
      if (i < 0) return;
      var k = kv.slice(0, i), v = '';
      try { v = decodeURIComponent(kv.slice(i + 1).replace(/\+/g, ' ')); } catch (e) { return; }
      if (map[k]) map[k].value = v;
      if (k === 'zoom' && parseFloat(v) > 0) z = parseFloat(v);
    });
    if (z !== 1) setZoom(z);
  }
  [fq, ffrom, fto].forEach(function (f) { f.addEventListener('input', function () { drawTable(); writeHash(); }); });
  [fwho, fkind].forEach(function (f) { f.addEventListener('change', function () { drawTable(); writeHash(); }); });
  document.getElementById('f-clear').addEventListener('click', function () {
    fq.value = ''; fwho.value = ''; fkind.value = ''; ffrom.value = ''; fto.value = '';
    drawTable(); writeHash();
  });
  readHash();
  drawTable();

  // ---- the graph -------------------------------------------------------------
  var gzoom = 1;
  var svg = document.querySelector('#graph svg');
  if (svg) {
    var w0 = svg.getAttribute('width');
    var base = parseFloat(w0) || 800;
    var sizeGraph = function () { svg.style.width = (base * gzoom) + 'pt'; svg.removeAttribute('height'); };
    document.getElementById('g-in').addEventListener('click', function () { gzoom = Math.min(8, gzoom * 1.5); sizeGraph(); });
    document.getElementById('g-out').addEventListener('click', function () { gzoom = Math.max(0.125, gzoom / 1.5); sizeGraph(); });
    sizeGraph();
  }
  document.body.setAttribute('data-ready', '1');
})();
)JS";

// The data as JSON that cannot end its <script> element: '<', '>' and '&'
// (which JSON allows only inside strings) become \u escapes.
std::string ScriptSafeJson(const ojson& j) {
  const std::string s = j.dump(-1, ' ', false, ojson::error_handler_t::replace);
  std::string out;
  out.reserve(s.size() + s.size() / 16);
  for (char c : s) {
    switch (c) {
      case '<':
        out += "\\u003c";
        break;
      case '>':
        out += "\\u003e";
        break;
      case '&':
        out += "\\u0026";
        break;
      default:
        out.push_back(c);
    }
  }
  return out;
}

}  // namespace

std::string InlineSvg(std::string_view svg) {
  const std::size_t start = svg.find("<svg");
  if (start == std::string_view::npos) return "";
  std::string out;
  out.reserve(svg.size() - start);
  std::size_t i = start;
  while (i < svg.size()) {
    const std::size_t c = svg.find("<!--", i);
    if (c == std::string_view::npos) {
      out.append(svg.substr(i));
      break;
    }
    out.append(svg.substr(i, c - i));
    const std::size_t e = svg.find("-->", c + 4);
    if (e == std::string_view::npos) break;  // an unterminated comment: drop the rest
    i = e + 3;
  }
  return ValidUtf8(out);
}

Status WriteHtml(const HtmlInput& in, std::ostream& out) {
  try {
    ojson data = ojson::object();
    data["title"] = ValidUtf8(in.title);
    ojson said = ojson::array();
    for (const SaidRow& r : in.said) said.push_back(SaidRowToJson(r));
    data["said"] = std::move(said);
    data["timeline"] = TimelineToJson(in.timeline, in.title);

    std::size_t dated = in.timeline.dated.size();
    const std::string title = HtmlEscape(in.title);
    out << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        // No request may leave the file: no scripts, styles, fonts or images
        // from anywhere but this document.
        << "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
           "script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:\">\n"
        << "<title>" << title << "</title>\n<style>" << kStyle << "</style>\n</head>\n<body>\n"
        << "<h1>" << title << "</h1>\n"
        << "<p class=\"meta\">" << dated << " dated and " << in.timeline.undated.size()
        << " undated events, " << in.said.size() << " statements. Made by tkg; works offline.</p>\n"
        << "<noscript><p class=\"note\">The timeline and the table need JavaScript; the data is "
           "in the tkg-data element of this file.</p></noscript>\n"
        << "<h2>Timeline</h2>\n"
        << "<div class=\"controls\"><button id=\"tl-out\" type=\"button\">−</button>"
           "<button id=\"tl-in\" type=\"button\">+</button>"
           "<button id=\"tl-fit\" type=\"button\">fit</button><span id=\"tl-zoom\"></span>"
           "<span class=\"meta\">Ctrl+wheel zooms; click an event for its sources.</span></div>\n"
        << "<div id=\"tl-scroll\"><div id=\"tl-canvas\"></div></div>\n"
        << "<div id=\"tl-detail\"></div>\n"
        << "<h3>Undated</h3>\n<ul id=\"tl-undated\"></ul>\n"
        << "<h2>Who said what when</h2>\n"
        << "<div class=\"controls\">"
           "<input id=\"f-q\" type=\"search\" placeholder=\"filter: words, speaker, source\" "
           "size=\"30\">"
           "<select id=\"f-who\"><option value=\"\">every speaker</option></select>"
           "<select id=\"f-kind\"><option value=\"\">every kind</option>"
           "<option value=\"direct\">direct</option><option value=\"indirect\">indirect</option>"
           "<option value=\"mixed\">mixed</option></select>"
           "<input id=\"f-from\" placeholder=\"from YYYY[-MM[-DD]]\" size=\"16\">"
           "<input id=\"f-to\" placeholder=\"to YYYY[-MM[-DD]]\" size=\"16\">"
           "<button id=\"f-clear\" type=\"button\">clear</button>"
           "<span id=\"said-count\" class=\"meta\"></span></div>\n"
        << "<table id=\"said\"><thead><tr><th>date</th><th>speaker</th><th>kind</th><th>cue</th>"
           "<th>statement</th><th>sources</th><th>documents</th></tr></thead>"
           "<tbody id=\"said-body\"></tbody></table>\n"
        << "<h2>Graph</h2>\n"
        << "<div class=\"controls\"><button id=\"g-out\" type=\"button\">−</button>"
           "<button id=\"g-in\" type=\"button\">+</button></div>\n"
        << "<div id=\"graph\">";
    const std::string svg = InlineSvg(in.svg);
    if (svg.empty()) {
      out << "<p class=\"note\">" << HtmlEscape(in.svg_note) << "</p>";
    } else {
      out << svg;
    }
    out << "</div>\n"
        << "<script type=\"application/json\" id=\"tkg-data\">" << ScriptSafeJson(data)
        << "</script>\n"
        << "<script>" << kScript << "</script>\n</body>\n</html>\n";
    out.flush();
  } catch (const std::exception& e) {
    return Status::IoError(std::string("cannot write the HTML output: ") + e.what());
  }
  if (!out) return Status::IoError("cannot write the HTML output");
  return Status();
}

}  // namespace tkg
