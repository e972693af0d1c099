/** Reflective logs have nothing other features need today: meetings read log states in SQL (meetings/repository.ts). */
export {};
