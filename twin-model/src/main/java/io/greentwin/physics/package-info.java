/**
 * Physics of the campus as pure functions and small immutable models: server power, liquid/air heat
 * split, water loops, pumps, dry coolers, chillers, heat pumps, the grid connection and ASHRAE
 * thermal classes. Formulas and default values follow shared/DOMAIN.md; every constant names its
 * source. No I/O.
 */
package io.greentwin.physics;
