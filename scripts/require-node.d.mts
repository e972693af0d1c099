export declare const ELECTRON_TOOLING_NODE: string;
export declare function atLeast(version: string, minimum: string): boolean;
export declare function nodeVersionProblem(command: string, version?: string): string | undefined;
export declare function requireNodeFor(command: string): void;
