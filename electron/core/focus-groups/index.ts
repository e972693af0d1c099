/** Focus groups have nothing other features need: themes read their findings in SQL (plan/repository.ts). */
export {};
