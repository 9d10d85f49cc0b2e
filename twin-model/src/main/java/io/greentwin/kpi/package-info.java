/**
 * KPIs and carbon accounting: PUE, pPUE, ERF, ERE, CUE, WUE and REF over any period (ISO/IEC 30134,
 * The Green Grid); GHG Protocol Scope 2 location- and market-based, hourly intensity series and
 * generation-mix intensity; China's grid factors; avoided emissions of exported heat; GB 40879 and
 * EnEfG checks; the "East Data, West Computing" shift estimate. No I/O.
 */
package io.greentwin.kpi;
