export declare function inLanguage(template: string, index: number, count: number, where: string): string;
export declare function writeDemoPages(demoDir: string): string[];
