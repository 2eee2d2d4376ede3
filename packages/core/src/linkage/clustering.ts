// Clusters from scored pairs without chaining two people through one weak edge: connected
// components over edges at or above the threshold, then every bridge weaker than `strong` whose
// removal leaves two groups of at least two records each is cut (a lone record may join a group by
// one edge; two groups need more support than one doubtful pair), and components are recomputed.

export interface ClusterOptions {
  threshold: number;
  strongThreshold: number;
}

class UnionFind {
  readonly parent: Int32Array;
  constructor(n: number) {
    this.parent = new Int32Array(n);
    for (let i = 0; i < n; i++) this.parent[i] = i;
  }
  find(x: number): number {
    let root = x;
    while (this.parent[root] !== root) root = this.parent[root] as number;
    while (this.parent[x] !== root) {
      const next = this.parent[x] as number;
      this.parent[x] = root;
      x = next;
    }
    return root;
  }
  union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent[ra > rb ? ra : rb] = ra > rb ? rb : ra;
  }
}

/** Edge indices that are bridges of the graph, with the size of the side below them in the DFS tree. */
function weakBridges(
  n: number,
  edges: readonly number[],
  left: Int32Array,
  right: Int32Array,
  probabilities: Float64Array,
  strong: number,
  componentSize: (node: number) => number,
): Set<number> {
  // Adjacency in CSR form.
  const degree = new Int32Array(n + 1);
  for (const e of edges) {
    const a = (left[e] as number) + 1;
    const b = (right[e] as number) + 1;
    degree[a] = (degree[a] as number) + 1;
    degree[b] = (degree[b] as number) + 1;
  }
  for (let i = 0; i < n; i++) degree[i + 1] = (degree[i + 1] as number) + (degree[i] as number);
  const fill = degree.slice(0, n);
  const adjNode = new Int32Array(edges.length * 2);
  const adjEdge = new Int32Array(edges.length * 2);
  for (const e of edges) {
    const a = left[e] as number;
    const b = right[e] as number;
    const at = fill[a] as number;
    adjNode[at] = b;
    adjEdge[at] = e;
    fill[a] = at + 1;
    const bt = fill[b] as number;
    adjNode[bt] = a;
    adjEdge[bt] = e;
    fill[b] = bt + 1;
  }
  // Iterative Tarjan: discovery time, low-link, subtree size.
  const disc = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const size = new Int32Array(n);
  const parentEdge = new Int32Array(n).fill(-1);
  const cursor = new Int32Array(n);
  const stack: number[] = [];
  const cut = new Set<number>();
  let time = 0;
  for (let root = 0; root < n; root++) {
    if (disc[root] !== -1 || degree[root + 1] === degree[root]) continue;
    stack.push(root);
    disc[root] = low[root] = time++;
    size[root] = 1;
    cursor[root] = degree[root] as number;
    while (stack.length) {
      const v = stack[stack.length - 1] as number;
      if ((cursor[v] as number) < (degree[v + 1] as number)) {
        const k = cursor[v] as number;
        cursor[v] = k + 1;
        const w = adjNode[k] as number;
        const e = adjEdge[k] as number;
        if (e === parentEdge[v]) continue;
        if (disc[w] === -1) {
          parentEdge[w] = e;
          disc[w] = low[w] = time++;
          size[w] = 1;
          cursor[w] = degree[w] as number;
          stack.push(w);
        } else if ((disc[w] as number) < (low[v] as number)) low[v] = disc[w] as number;
      } else {
        stack.pop();
        const e = parentEdge[v] as number;
        if (e >= 0) {
          const parent = (left[e] === v ? right[e] : left[e]) as number;
          size[parent] = (size[parent] as number) + (size[v] as number);
          if ((low[v] as number) < (low[parent] as number)) low[parent] = low[v] as number;
          const below = size[v] as number;
          if (
            (low[v] as number) > (disc[parent] as number) &&
            (probabilities[e] as number) < strong &&
            below >= 2 &&
            componentSize(v) - below >= 2
          ) {
            cut.add(e);
          }
        }
      }
    }
  }
  return cut;
}

/** A cluster number per record (the smallest record index in its cluster). */
export function clusterPairs(
  n: number,
  left: Int32Array,
  right: Int32Array,
  probabilities: Float64Array,
  options: ClusterOptions,
): Int32Array {
  let edges: number[] = [];
  for (let e = 0; e < probabilities.length; e++) {
    if ((probabilities[e] as number) >= options.threshold) edges.push(e);
  }
  for (let round = 0; round < 3; round++) {
    const components = new UnionFind(n);
    for (const e of edges) components.union(left[e] as number, right[e] as number);
    const sizes = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      const root = components.find(i);
      sizes[root] = (sizes[root] as number) + 1;
    }
    const cut = weakBridges(
      n,
      edges,
      left,
      right,
      probabilities,
      options.strongThreshold,
      (node) => sizes[components.find(node)] as number,
    );
    if (cut.size === 0) break;
    edges = edges.filter((e) => !cut.has(e));
  }
  const final = new UnionFind(n);
  for (const e of edges) final.union(left[e] as number, right[e] as number);
  const cluster = new Int32Array(n);
  for (let i = 0; i < n; i++) cluster[i] = final.find(i);
  return cluster;
}
