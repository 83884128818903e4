// A small SQL (and Jinja) highlighter: one pass over the text, spans with classes, everything escaped.
(function () {
  'use strict';
  var KEYWORDS = new Set(('select from where and or not in is null as on join left right full inner outer cross ' +
    'group by order having limit offset union all distinct case when then else end with create table view ' +
    'insert into values update set delete merge using qualify window over partition rows range between ' +
    'preceding following current row asc desc nulls first last exists like ilike cast true false interval ' +
    'lateral natural semi anti except intersect top filter within returning if replace temporary temp ' +
    'materialized recursive begin commit rollback transaction drop alter add column primary key references default').split(' '));
  var TYPES = new Set(('int integer bigint smallint tinyint hugeint decimal numeric double float real varchar char text ' +
    'string boolean bool date time timestamp timestamptz datetime datetime2 uuid json blob bit money nvarchar').split(' '));

  function esc(s) {
    return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  }
  function span(cls, text) { return '<span class="' + cls + '">' + esc(text) + '</span>'; }
  function isWord(c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c === '_' || c === '$'; }
  function isDigit(c) { return c >= '0' && c <= '9'; }

  function highlight(sql) {
    var out = [];
    var i = 0, n = sql.length, plain = '';
    function flush() { if (plain) { out.push(esc(plain)); plain = ''; } }
    while (i < n) {
      var c = sql[i], two = sql.substr(i, 2), end;
      if (two === '{{' || two === '{%' || two === '{#') {
        var close = two === '{{' ? '}}' : two === '{%' ? '%}' : '#}';
        end = sql.indexOf(close, i + 2); end = end < 0 ? n : end + 2;
        flush(); out.push(span(two === '{#' ? 'sql-comment' : 'sql-jinja', sql.slice(i, end))); i = end; continue;
      }
      if (two === '--') {
        end = sql.indexOf('\n', i); end = end < 0 ? n : end;
        flush(); out.push(span('sql-comment', sql.slice(i, end))); i = end; continue;
      }
      if (two === '/*') {
        end = sql.indexOf('*/', i + 2); end = end < 0 ? n : end + 2;
        flush(); out.push(span('sql-comment', sql.slice(i, end))); i = end; continue;
      }
      if (c === "'" || c === '"' || c === '`' || c === '[') {
        var q = c === '[' ? ']' : c; end = i + 1;
        while (end < n) { if (sql[end] === q) { if (q !== ']' && sql[end + 1] === q) { end += 2; continue; } break; } end++; }
        end = Math.min(end + 1, n);
        if (c === '[' && sql.slice(i, end).indexOf('\n') >= 0) { plain += c; i++; continue; }
        flush(); out.push(span(c === "'" ? 'sql-string' : 'sql-ident', sql.slice(i, end))); i = end; continue;
      }
      if (isDigit(c) && (i === 0 || !isWord(sql[i - 1]))) {
        end = i; while (end < n && (isDigit(sql[end]) || sql[end] === '.')) end++;
        flush(); out.push(span('sql-number', sql.slice(i, end))); i = end; continue;
      }
      if (isWord(c)) {
        end = i; while (end < n && isWord(sql[end])) end++;
        var word = sql.slice(i, end), lower = word.toLowerCase();
        var next = end; while (next < n && sql[next] === ' ') next++;
        flush();
        if (KEYWORDS.has(lower)) out.push(span('sql-keyword', word));
        else if (TYPES.has(lower)) out.push(span('sql-type', word));
        else if (sql[next] === '(') out.push(span('sql-function', word));
        else out.push(esc(word));
        i = end; continue;
      }
      plain += c; i++;
    }
    flush();
    return out.join('');
  }

  window.ForgeSql = { highlight: highlight };
})();
