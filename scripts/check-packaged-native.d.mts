export declare function packagedNativeProblem(options: { resourcesDir: string; platform: string; arch: string; electronVersion: string }): string | undefined;
declare function afterPack(context: unknown): Promise<void>;
export default afterPack;
