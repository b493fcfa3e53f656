// The part of subset-font (hb-subset, HarfBuzz compiled to WebAssembly) that webFonts.ts uses.
declare module 'subset-font' {
  function subsetFont(
    font: Buffer,
    text: string,
    options?: { targetFormat?: 'sfnt' | 'woff' | 'woff2' | 'truetype'; noLayoutClosure?: boolean },
  ): Promise<Buffer>;
  export = subsetFont;
}
