// Candidate pairs in two growable Int32Arrays (left record, right record): no per-pair objects.

export class PairBuffer {
  left: Int32Array;
  right: Int32Array;
  length = 0;

  constructor(capacity = 1024) {
    this.left = new Int32Array(capacity);
    this.right = new Int32Array(capacity);
  }

  push(i: number, j: number): void {
    if (this.length === this.left.length) {
      const left = new Int32Array(this.left.length * 2);
      const right = new Int32Array(this.left.length * 2);
      left.set(this.left);
      right.set(this.right);
      this.left = left;
      this.right = right;
    }
    this.left[this.length] = i;
    this.right[this.length] = j;
    this.length++;
  }

  /** Trimmed views of the filled part. */
  view(): { left: Int32Array; right: Int32Array; length: number } {
    return {
      left: this.left.subarray(0, this.length),
      right: this.right.subarray(0, this.length),
      length: this.length,
    };
  }
}
