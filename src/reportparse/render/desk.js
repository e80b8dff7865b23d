// reportparse desk: upload dropped or chosen files, poll the server for their status and findings,
// filter the findings by severity, code, project and file. Same-origin requests only.
(function () {
  "use strict";
  var KEYS = ["severity", "code", "project", "file"];
  var filters = {};
  var version = -1;
  var timer = null;

  function $(id) { return document.getElementById(id); }

  function say(text, isError) {
    var box = $("upload-message");
    box.textContent = text;
    box.className = "message" + (isError ? " error" : "");
  }

  function upload(fileList) {
    if (!fileList || !fileList.length) { return; }
    var form = new FormData();
    Array.prototype.forEach.call(fileList, function (file) { form.append("files", file, file.name); });
    say("正在上传 " + fileList.length + " 个文件…", false);
    fetch("/api/files", { method: "POST", body: form, credentials: "same-origin" })
      .then(function (response) {
        return response.json().then(function (body) { return { ok: response.ok, body: body }; });
      })
      .then(function (reply) {
        if (!reply.ok) { say(reply.body.error || "上传失败", true); return; }
        say("已上传 " + reply.body.files.length + " 个文件，正在检查。", false);
        poll();
      })
      .catch(function () { say("上传失败：无法连接本机服务（它是否已停止？）", true); });
  }

  function applyFilters() {
    KEYS.forEach(function (key) {
      var select = $("f-" + key);
      if (select) {
        var wanted = filters[key] || "";
        var known = Array.prototype.some.call(select.options, function (o) { return o.value === wanted; });
        select.value = known ? wanted : "";
      }
    });
    var shown = 0, total = 0;
    document.querySelectorAll("#findings tr.finding").forEach(function (row) {
      total += 1;
      var match = KEYS.every(function (key) {
        return !filters[key] || row.getAttribute("data-" + key) === filters[key];
      });
      row.hidden = !match;
      if (match) { shown += 1; }
    });
    var count = $("f-count");
    if (count) { count.textContent = "显示 " + shown + " / " + total + " 条"; }
  }

  function openRows() {
    // which findings are expanded, so an update keeps them open
    var open = [];
    document.querySelectorAll("#findings tr.finding").forEach(function (row, index) {
      var details = row.querySelector("details");
      if (details && details.open) { open.push(rowKey(row, index)); }
    });
    return open;
  }

  function rowKey(row, index) {
    return row.getAttribute("data-file") + ":" + row.getAttribute("data-code") + ":" + index;
  }

  function poll() {
    if (timer) { clearTimeout(timer); timer = null; }
    fetch("/api/state?since=" + version, { credentials: "same-origin" })
      .then(function (response) { return response.json(); })
      .then(function (state) {
        if (state.version !== version) {
          var open = openRows();
          $("files").innerHTML = state.files_html;
          $("findings").innerHTML = state.findings_html;
          document.querySelectorAll("#findings tr.finding").forEach(function (row, index) {
            if (open.indexOf(rowKey(row, index)) >= 0) { row.querySelector("details").open = true; }
          });
          version = state.version;
          applyFilters();
        }
        if (state.busy) { timer = setTimeout(poll, 700); }
      })
      .catch(function () { timer = setTimeout(poll, 3000); });
  }

  document.addEventListener("DOMContentLoaded", function () {
    var drop = $("drop"), input = $("file-input");
    input.addEventListener("change", function () { upload(input.files); input.value = ""; });
    ["dragenter", "dragover"].forEach(function (name) {
      drop.addEventListener(name, function (event) { event.preventDefault(); drop.classList.add("over"); });
    });
    ["dragleave", "drop"].forEach(function (name) {
      drop.addEventListener(name, function () { drop.classList.remove("over"); });
    });
    // a file dropped anywhere on the page is uploaded, never opened by the browser in place of the desk
    window.addEventListener("dragover", function (event) { event.preventDefault(); });
    window.addEventListener("drop", function (event) {
      event.preventDefault();
      drop.classList.remove("over");
      if (event.dataTransfer) { upload(event.dataTransfer.files); }
    });
    document.addEventListener("change", function (event) {
      var key = event.target.getAttribute && event.target.getAttribute("data-key");
      if (key) { filters[key] = event.target.value; applyFilters(); }
    });
    document.addEventListener("click", function (event) {
      if (event.target.id === "f-reset") { filters = {}; applyFilters(); }
    });
    poll();
  });
})();
