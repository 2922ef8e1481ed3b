-- Drives `warmly lsp --stdio` from Neovim's own LSP client (run by neovim.test.ts as
-- `nvim --headless -u NONE -c "luafile neovim-client.lua"`). It opens a reply, waits for
-- diagnostics, asks for code actions, applies the first rewrite of the hand-off, then the
-- fix-all, and writes what it saw to $WARMLY_OUT as JSON. Works with Debian's Neovim 0.7
-- (vim.lsp.start_client) and newer ones (vim.lsp.start).
local cli, file, out = os.getenv('WARMLY_CLI'), os.getenv('WARMLY_FILE'), os.getenv('WARMLY_OUT')
local report = {}

local function finish(err)
  report.error = err
  local f = assert(io.open(out, 'w'))
  f:write(vim.fn.json_encode(report))
  f:close()
  vim.cmd('qa!')
end

local function buffer_text()
  return table.concat(vim.api.nvim_buf_get_lines(0, 0, -1, false), '\n')
end

-- The version each publish was for, so a wait can end on the diagnostics of the buffer as it is now.
local published_version = -1
local publish = vim.lsp.handlers['textDocument/publishDiagnostics']
vim.lsp.handlers['textDocument/publishDiagnostics'] = function(err, result, ctx, config)
  publish(err, result, ctx, config)
  if result and result.version then published_version = result.version end
end

local function current()
  local bufnr = vim.api.nvim_get_current_buf()
  return vim.wait(5000, function() return published_version == vim.lsp.util.buf_versions[bufnr] end, 10)
end

local function codes()
  local list = {}
  for _, d in ipairs(vim.diagnostic.get(0)) do table.insert(list, d.code or d.user_data.lsp.code) end
  table.sort(list)
  return list
end

-- Starts the server for the current buffer: vim.lsp.start where there is one (0.8+), else 0.7's way.
local function start()
  local config = {
    name = 'warmly',
    cmd = { 'node', cli, 'lsp', '--stdio' },
    root_dir = vim.fn.fnamemodify(file, ':h'),
    settings = { warmly = { language = 'en' } },
  }
  if vim.lsp.start then return vim.lsp.start(config) end
  local id = vim.lsp.start_client(config)
  vim.lsp.buf_attach_client(0, id)
  return id
end

-- The hand-off's diagnostic, back as an LSP one (the reply is ASCII, so byte columns are UTF-16 ones).
local function handoff_diagnostic()
  for _, d in ipairs(vim.diagnostic.get(0)) do
    if (d.code or d.user_data.lsp.code) == 'not-my-table' then
      report.href = d.user_data.lsp.codeDescription and d.user_data.lsp.codeDescription.href
      return {
        range = {
          start = { line = d.lnum, character = d.col },
          ['end'] = { line = d.end_lnum, character = d.end_col },
        },
        severity = d.severity, message = d.message, source = d.source, code = 'not-my-table',
      }
    end
  end
end

local function main()
  vim.cmd('edit ' .. vim.fn.fnameescape(file))
  vim.bo.filetype = 'markdown'
  local started = vim.loop.hrtime()
  local id = start()
  if not vim.wait(10000, function() return #vim.diagnostic.get(0) > 0 end, 10) then return finish('no diagnostics') end
  report.first_diagnostics_ms = (vim.loop.hrtime() - started) / 1e6
  report.codes = codes()

  local handoff = handoff_diagnostic()
  if not handoff then return finish('no not-my-table diagnostic') end
  local uri = vim.uri_from_bufnr(0)
  local responses = vim.lsp.buf_request_sync(0, 'textDocument/codeAction', {
    textDocument = { uri = uri }, range = handoff.range, context = { diagnostics = { handoff } },
  }, 5000)
  local actions = (responses and responses[id] and responses[id].result) or {}
  report.titles = {}
  local rewrite
  for _, a in ipairs(actions) do
    table.insert(report.titles, a.title)
    if not rewrite and (a.title:find('^Warmer: ') or a.title:find('^Suggestion: ')) then rewrite = a end
  end
  if not rewrite then return finish('no rewrite among the code actions') end
  report.applied_title = rewrite.title
  vim.lsp.util.apply_workspace_edit(rewrite.edit, 'utf-16')
  report.after_action = buffer_text()
  if not current() then return finish('no diagnostics for the rewritten buffer') end
  report.codes_after_action = codes()

  local client = vim.lsp.get_client_by_id(id)
  local fixes = client.request_sync('textDocument/codeAction', {
    textDocument = { uri = uri },
    range = { start = { line = 0, character = 0 }, ['end'] = { line = 0, character = 0 } },
    context = { diagnostics = {}, only = { 'source.fixAll' } },
  }, 5000, 0)
  local fix_all = fixes and fixes.result and fixes.result[1]
  if not fix_all then return finish('no source.fixAll action') end
  local resolved = client.request_sync('codeAction/resolve', fix_all, 5000, 0)
  vim.lsp.util.apply_workspace_edit(resolved.result.edit, 'utf-16')
  report.after_fix_all = buffer_text()
  if not current() then return finish('no diagnostics for the fixed buffer') end
  report.codes_left = codes()
  finish(nil)
end

local ok, err = pcall(main)
if not ok then finish(tostring(err)) end
