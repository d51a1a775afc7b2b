import { DEFAULT_EXPRESSION_LIMITS } from './expression.limits.js';
import { SandboxModulePool } from './sandbox-module.pool.js';
import { SandboxEvaluation, type EvaluationPlan } from './sandbox.evaluation.js';

describe('SandboxEvaluation', () => {
  it('disposes its runtime and context: 200 evaluations leave one small sandbox module far from its cap', async () => {
    // The smallest module (18 MiB of linear memory) fills up after ~150 undisposed contexts;
    // the engine would quietly replace such a module, so the module itself is watched here.
    const limits = { ...DEFAULT_EXPRESSION_LIMITS, memoryBytes: 1024 * 1024 };
    const pool = await SandboxModulePool.create(limits.memoryBytes, 1);
    const module = await pool.lease(performance.now() + 1000);
    const plan = (): EvaluationPlan => ({
      source: 'const user = await ak_user_by(); return [user.username, request.n, ip_address("::1").is_loopback]',
      setupJson: JSON.stringify({ globals: { request: { n: 1 } }, functions: ['ak_user_by'] }),
      functions: { ak_user_by: async () => ({ username: 'alice' }) },
      limits,
      deadline: performance.now() + 1000,
    });
    for (let i = 0; i < 200; i++) {
      const evaluation = new SandboxEvaluation(module, plan());
      await expect(evaluation.run()).resolves.toEqual(['alice', 1, true]);
      expect(evaluation.healthy).toBe(true);
    }
    expect(module.exhausted()).toBe(false);
  });
});
