/**
 * Runs inside the print page (Chromium) before printing: cuts the sheet's table into A4 pages of
 * whole rows, measured with the real fonts at the printed width. Why not let Chromium break the
 * table: its fragmentation leaves rowspan-merged cells blank on a continuation page and splits
 * rows. Here each page is its own table (header included) whose first row repeats its
 * 大基本目標 / 小基本目標 / 施策, and rows of one group on one page share a merged cell. A row
 * taller than a page is left on a page of its own (Chromium then breaks it).
 *
 * `window.__soseiPaginate(pageHeightPx)` is called by htmlToPdf; without it (a browser opening the
 * HTML) every row simply shows its hierarchy.
 */
export const PAGINATE_SCRIPT = `
window.__soseiPaginate = function (pageHeight) {
  var first = document.querySelector('.sheet-page');
  if (!first) return 0;
  var table = first.querySelector('table.sheet');
  var rows = Array.prototype.slice.call(table.tBodies[0].rows);
  var container = first.parentNode;
  var template = first.cloneNode(true);
  template.querySelector('tbody').innerHTML = '';
  container.removeChild(first);
  var levels = ['c-goal', 'c-subgoal', 'c-measure'];
  var page = null, body = null, open = [], pages = 0;
  function newPage() {
    page = template.cloneNode(true);
    container.appendChild(page);
    body = page.querySelector('tbody');
    open = [null, null, null];
    pages++;
  }
  function add(row) {
    var r = row.cloneNode(true);
    var merged = [];
    var same = true;
    for (var l = 0; l < levels.length; l++) {
      var cell = r.querySelector('td.' + levels[l]);
      var o = open[l];
      same = same && o !== null && o.getAttribute('data-key') === cell.getAttribute('data-key');
      if (same) { merged.push(o); r.removeChild(cell); }
      else open[l] = cell;
    }
    for (var m = 0; m < merged.length; m++) merged[m].rowSpan = (merged[m].rowSpan || 1) + 1;
    body.appendChild(r);
    return { row: r, merged: merged, opened: open.slice() };
  }
  function undo(step, before) {
    body.removeChild(step.row);
    for (var m = 0; m < step.merged.length; m++) step.merged[m].rowSpan = step.merged[m].rowSpan - 1;
    open = before;
  }
  newPage();
  for (var i = 0; i < rows.length; i++) {
    var before = open.slice();
    var step = add(rows[i]);
    if (page.getBoundingClientRect().height > pageHeight && body.rows.length > 1) {
      undo(step, before);
      newPage();
      add(rows[i]);
    }
  }
  // Page numbers: each page box gets the page's height and a footer "k / N". The summary comes
  // first and is counted by its height (normally one page).
  var summary = document.querySelector('.summary-page');
  var summaryPages = summary ? Math.max(1, Math.ceil(summary.getBoundingClientRect().height / pageHeight)) : 0;
  var total = summaryPages + pages;
  function number(box, n) {
    box.classList.add('numbered');
    box.style.height = pageHeight + 'px';
    var foot = document.createElement('div');
    foot.className = 'page-foot';
    foot.textContent = n + ' / ' + total;
    box.appendChild(foot);
  }
  if (summary && summaryPages === 1) number(summary, 1);
  var boxes = container.querySelectorAll('.sheet-page');
  for (var b = 0; b < boxes.length; b++) if (boxes[b].getBoundingClientRect().height <= pageHeight) number(boxes[b], summaryPages + b + 1);
  return total;
};
`;
