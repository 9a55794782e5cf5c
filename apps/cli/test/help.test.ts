import { expect, test } from 'vitest';
import { zonegraph } from './support/cli.ts';

const COMMANDS = [
  ['projects', 'list'],
  ['import', 'projects'],
  ['export', 'projects'],
  ['export', 'investment'],
  ['export', 'findings'],
  ['report', 'weekly'],
  ['keys', 'create'],
  ['keys', 'list'],
  ['keys', 'revoke'],
  ['db', 'migrate'],
  ['db', 'status'],
  ['db', 'seed'],
];

test('the top-level help names every command group and every exit status', async () => {
  const { code, stdout } = await zonegraph(['--help']);
  expect(code).toBe(0);
  for (const group of ['projects', 'import', 'export', 'report', 'keys', 'db']) expect(stdout).toMatch(new RegExp(`\\n  ${group}\\b`));
  for (const status of ['0  success', '1  the API', '2  usage error', '3  cannot reach', '4  the data was refused', '5  db status']) expect(stdout).toContain(status);
});

test.each(COMMANDS)('zonegraph %s %s --help describes its options and exits 0', async (group, command) => {
  const { code, stdout, stderr } = await zonegraph([group!, command!, '--help']);
  expect(stderr).toBe('');
  expect(code).toBe(0);
  expect(stdout).toMatch(new RegExp(`^Usage: zonegraph ${group} ${command}`));
  expect(stdout).toMatch(/--json/);
});

test('the import help lists the columns, and the report help how weeks are counted', async () => {
  const importHelp = (await zonegraph(['import', 'projects', '--help'])).stdout;
  expect(importHelp).toMatch(/code \*\s+项目编号/);
  expect(importHelp).toMatch(/plannedInvestment\s+计划投资: planned investment in yuan/);
  expect((await zonegraph(['report', 'weekly', '--help'])).stdout).toContain('Weeks run Monday to Sunday in Asia/Shanghai');
});
