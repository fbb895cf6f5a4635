/* qpr review index: sort by a column's heading, filter by typed text. */
(function () {
  var table = document.getElementById("records");
  var body = table.tBodies[0];
  var filter = document.getElementById("index-filter");
  var count = document.getElementById("index-count");
  var heads = table.tHead.rows[0].cells;

  function key(row, column, numeric) {
    var cell = row.cells[column];
    var value = cell.dataset.sort !== undefined ? cell.dataset.sort : cell.textContent;
    return numeric ? Number(value) : value.toLowerCase();
  }

  function sort(column) {
    var head = heads[column];
    var ascending = head.getAttribute("aria-sort") !== "ascending";
    var numeric = head.dataset.type === "number";
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) {
      var x = key(a, column, numeric);
      var y = key(b, column, numeric);
      var order = x < y ? -1 : x > y ? 1 : 0;
      return ascending ? order : -order;
    });
    Array.prototype.forEach.call(heads, function (other) { other.setAttribute("aria-sort", "none"); });
    head.setAttribute("aria-sort", ascending ? "ascending" : "descending");
    rows.forEach(function (row) { body.appendChild(row); });
  }

  Array.prototype.forEach.call(heads, function (head, column) {
    head.addEventListener("click", function () { sort(column); });
    head.addEventListener("keydown", function (event) {
      if (event.key === "Enter" || event.key === " ") { event.preventDefault(); sort(column); }
    });
  });

  filter.addEventListener("input", function () {
    var wanted = filter.value.trim().toLowerCase();
    var visible = 0;
    Array.prototype.forEach.call(body.rows, function (row) {
      var match = !wanted || row.textContent.toLowerCase().indexOf(wanted) >= 0;
      row.hidden = !match;
      visible += match ? 1 : 0;
    });
    count.textContent = String(visible);
  });
})();
