package io.greentwin.gateway.things;

import java.util.Optional;
import org.eclipse.ditto.base.model.exceptions.DittoRuntimeException;
import org.eclipse.ditto.base.model.headers.entitytag.EntityTag;
import org.eclipse.ditto.base.model.signals.commands.exceptions.PathUnknownException;
import org.eclipse.ditto.json.JsonPointer;
import org.eclipse.ditto.things.model.Feature;
import org.eclipse.ditto.things.model.Thing;
import org.eclipse.ditto.things.model.signals.commands.ThingResourceMapper;
import org.eclipse.ditto.things.model.signals.commands.ThingResourceVisitor;

/**
 * The ETag of a thing's (sub-)resource, as Ditto computes it: {@code "rev:N"} for the thing itself,
 * {@code "hash:…"} of Ditto's model object for a sub-resource ({@link EntityTag#fromEntity}); empty
 * when the thing or the sub-resource does not exist.
 */
final class EntityTags implements ThingResourceVisitor<Thing, Optional<EntityTag>> {
  private static final ThingResourceMapper<Thing, Optional<EntityTag>> MAPPER =
      ThingResourceMapper.from(new EntityTags());

  private EntityTags() {}

  /** The ETag of the resource at {@code path} of {@code thing} (empty if either is missing). */
  static Optional<EntityTag> of(Optional<Thing> thing, JsonPointer path) {
    return thing.flatMap(t -> MAPPER.map(path, t));
  }

  @Override
  public Optional<EntityTag> visitThing(JsonPointer path, Thing thing) {
    return EntityTag.fromEntity(thing);
  }

  @Override
  public Optional<EntityTag> visitThingDefinition(JsonPointer path, Thing thing) {
    return thing.getDefinition().flatMap(EntityTag::fromEntity);
  }

  @Override
  public Optional<EntityTag> visitPolicyId(JsonPointer path, Thing thing) {
    return thing.getPolicyEntityId().flatMap(EntityTag::fromEntity);
  }

  @Override
  public Optional<EntityTag> visitAttributes(JsonPointer path, Thing thing) {
    return thing.getAttributes().flatMap(EntityTag::fromEntity);
  }

  @Override
  public Optional<EntityTag> visitAttribute(JsonPointer path, Thing thing) {
    return thing
        .getAttributes()
        .flatMap(a -> a.getValue(extractAttributePath(path)))
        .flatMap(EntityTag::fromEntity);
  }

  @Override
  public Optional<EntityTag> visitFeatures(JsonPointer path, Thing thing) {
    return thing.getFeatures().flatMap(EntityTag::fromEntity);
  }

  @Override
  public Optional<EntityTag> visitFeature(JsonPointer path, Thing thing) {
    return feature(path, thing).flatMap(EntityTag::fromEntity);
  }

  @Override
  public Optional<EntityTag> visitFeatureDefinition(JsonPointer path, Thing thing) {
    return feature(path, thing).flatMap(Feature::getDefinition).flatMap(EntityTag::fromEntity);
  }

  @Override
  public Optional<EntityTag> visitFeatureProperties(JsonPointer path, Thing thing) {
    return feature(path, thing).flatMap(Feature::getProperties).flatMap(EntityTag::fromEntity);
  }

  @Override
  public Optional<EntityTag> visitFeatureProperty(JsonPointer path, Thing thing) {
    return feature(path, thing)
        .flatMap(f -> f.getProperty(extractFeaturePropertyPath(path)))
        .flatMap(EntityTag::fromEntity);
  }

  @Override
  public Optional<EntityTag> visitFeatureDesiredProperties(JsonPointer path, Thing thing) {
    return feature(path, thing)
        .flatMap(Feature::getDesiredProperties)
        .flatMap(EntityTag::fromEntity);
  }

  @Override
  public Optional<EntityTag> visitFeatureDesiredProperty(JsonPointer path, Thing thing) {
    return feature(path, thing)
        .flatMap(f -> f.getDesiredProperty(extractFeaturePropertyPath(path)))
        .flatMap(EntityTag::fromEntity);
  }

  @Override
  public DittoRuntimeException getUnknownPathException(JsonPointer path) {
    return PathUnknownException.newBuilder(path).build();
  }

  private Optional<Feature> feature(JsonPointer path, Thing thing) {
    return thing.getFeatures().flatMap(fs -> fs.getFeature(extractFeatureId(path)));
  }
}
