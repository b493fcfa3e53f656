// The part of linebreak (UAX #14 break opportunities, the package pdfkit wraps with) that textLayout.ts uses.
declare module 'linebreak' {
  interface Break {
    position: number;
    required: boolean;
  }
  class LineBreaker {
    constructor(text: string);
    nextBreak(): Break | null;
  }
  export = LineBreaker;
}
