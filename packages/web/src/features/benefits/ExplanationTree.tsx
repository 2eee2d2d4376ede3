// A screening decision's explanation: the rule tree with ✓ passed, ✗ failed, ? unknown on each node,
// the fact that decided it written in the node's text.
import { CheckCircleFilled, CloseCircleFilled, QuestionCircleFilled } from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { ExplanationNode, RuleOutcome } from './api';

const icons: Record<RuleOutcome, ReactNode> = {
  pass: <CheckCircleFilled style={{ color: '#52c41a' }} aria-label="✓" />,
  fail: <CloseCircleFilled style={{ color: '#8c8c8c' }} aria-label="✗" />,
  unknown: <QuestionCircleFilled style={{ color: '#fa8c16' }} aria-label="?" />,
};

function Node({ node }: { node: ExplanationNode }) {
  return (
    <li data-outcome={node.outcome} style={{ margin: '2px 0' }}>
      <span style={{ marginInlineEnd: 6 }}>{icons[node.outcome]}</span>
      <span>{node.text}</span>
      {node.children && node.children.length > 0 && (
        <ul style={{ listStyle: 'none', paddingInlineStart: 20, margin: 0 }}>
          {node.children.map((child, i) => (
            <Node key={i} node={child} />
          ))}
        </ul>
      )}
    </li>
  );
}

export function ExplanationTree({ node }: { node: ExplanationNode }) {
  return (
    <ul data-testid="screening-explanation" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      <Node node={node} />
    </ul>
  );
}
