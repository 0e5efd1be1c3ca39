-- Neovim's built-in LSP client (0.7: vim.lsp.start_client) against stack-lint's server:
-- opens STACK_LINT_FILE, waits for diagnostics, writes them to STACK_LINT_OUT.
local file, out = vim.env.STACK_LINT_FILE, vim.env.STACK_LINT_OUT
vim.cmd('edit ' .. vim.fn.fnameescape(file))
local id = vim.lsp.start_client({
  name = 'stack-lint',
  cmd = { vim.env.STACK_LINT_NODE, vim.env.STACK_LINT_CLI, 'lsp', '--stdio' },
  root_dir = vim.env.STACK_LINT_ROOT,
})
vim.lsp.buf_attach_client(0, id)
local got = vim.wait(15000, function() return #vim.diagnostic.get(0) > 0 end, 50)
local lines = {}
if not got then table.insert(lines, 'timeout: no diagnostics') end
for _, d in ipairs(vim.diagnostic.get(0)) do
  local lsp = d.user_data and d.user_data.lsp or {}
  table.insert(lines, string.format('%d:%d %s %s %s', d.lnum + 1, d.col + 1, d.source or lsp.source or '', d.code or lsp.code or '', d.message))
end
vim.fn.writefile(lines, out)
vim.lsp.stop_client(id, true)
vim.cmd('qa!')
