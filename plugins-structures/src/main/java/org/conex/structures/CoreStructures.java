package org.conex.structures;

import java.util.List;
import org.conex.api.structure.StructureProvider;
import org.conex.api.structure.StructureType;
import org.osgi.service.component.annotations.Component;

/** CoNeX's structure types: containers, layers, columns, connections, input and output layers. */
@Component(service = StructureProvider.class)
public final class CoreStructures implements StructureProvider {
    @Override
    public List<StructureType> structureTypes() {
        return List.of(Container.TYPE, Layer.TYPE, CorticalLayer.TYPE, CorticalLayerConnection.TYPE,
                CorticalColumn.TYPE, Synapsis.TYPE, InputLayer.TYPE, OutputLayer.TYPE);
    }
}
