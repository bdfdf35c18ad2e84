import { remindersFlow, type Flow } from '@clinicflow/rules';
import { screen } from '@testing-library/react';
import { renderFlowEditor } from '../testing/renderFlowEditor';
import { MIN_ZOOM } from './FlowCanvas';

describe('FlowCanvas', () => {
  it('keeps the minimap small in the bottom-left corner, beside the controls, away from the last cards', () => {
    renderFlowEditor(JSON.parse(JSON.stringify(remindersFlow)) as Flow, 'canvas');
    const minimap = screen.getByTestId('rf__minimap');
    expect(minimap).toHaveClass('bottom', 'left');
    expect(minimap).toHaveStyle({ width: '150px', height: '96px' });
    expect(screen.queryByRole('region', { name: 'Counts of today on each step' })).not.toBeInTheDocument();
  });

  it('never zooms out so far that a card’s smallest text is under 9 px', () => {
    expect(12 * MIN_ZOOM).toBeGreaterThanOrEqual(9);
  });
});
